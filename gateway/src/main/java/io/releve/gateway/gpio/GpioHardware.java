package io.releve.gateway.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the GPIO lines come from: the kernel's character devices through pi4j's gpiod provider. */
@FunctionalInterface
public interface GpioHardware {

  /**
   * A pi4j context with a digital input and a digital output provider.
   *
   * @throws Exception when there is no GPIO here, or the provider cannot load: the gateway then
   *     runs without GPIO
   */
  Context open() throws Exception;

  /** The Pi's GPIO chips in {@code /dev}. */
  GpioHardware GPIOD = gpiod(Path.of("/dev"));

  /**
   * pi4j's gpiod provider (no root needed, drives a Pi 5; it picks the Pi's pin controller among
   * the chips itself), once a {@code gpiochip*} device exists in {@code devices}.
   */
  static GpioHardware gpiod(Path devices) {
    return () -> {
      boolean chip;
      try (DirectoryStream<Path> chips = Files.newDirectoryStream(devices, "gpiochip*")) {
        chip = chips.iterator().hasNext();
      } catch (IOException e) {
        throw new IOException("cannot list " + devices + ": " + e.getMessage(), e);
      }
      if (!chip) {
        throw new IOException("no " + devices.resolve("gpiochip*") + " on this machine");
      }
      return Pi4J.newContextBuilder()
          .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance())
          .build();
    };
  }
}
