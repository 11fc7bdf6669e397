package io.releve.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpioConfigTest {

  @TempDir Path folder;

  private Path write(String... lines) throws IOException {
    return ConfFile.write(folder, lines);
  }

  private String errorFor(String... lines) throws IOException {
    return ConfFile.errorFor(folder, lines);
  }

  @Test
  void noGpioKeys_meansGpioOff() throws Exception {
    assertEquals(GpioConfig.NONE, GatewayConfig.load(write("gateway.id = bat-a")).gpio());
  }

  @Test
  void theThreeLines_areRead() throws Exception {
    GatewayConfig config =
        GatewayConfig.load(
            write(
                "gateway.id = bat-a",
                "gpio.enabled = true",
                "gpio.led = 17",
                "gpio.button = 27",
                "gpio.bus-power = 22"));

    assertEquals(new GpioConfig(true, 17, 27, 22), config.gpio());
  }

  @Test
  void oneLineForTwoUses_isRefusedNamingBoth() throws Exception {
    String error =
        errorFor("gateway.id = bat-a", "gpio.enabled = true", "gpio.led = 17", "gpio.button = 17");

    assertEquals(
        folder.resolve("releve.conf")
            + ": key [gpio.button] (line 4) has value [17]: is already the line of gpio.led.",
        error);
  }

  @Test
  void gpioOnWithoutALine_isRefused() throws Exception {
    String error = errorFor("gateway.id = bat-a", "gpio.enabled = true");

    assertEquals(
        folder.resolve("releve.conf")
            + ": key [gpio.enabled] is true and no line is set: set gpio.led, gpio.button or"
            + " gpio.bus-power, or leave GPIO off.",
        error);
  }

  @Test
  void aLineBeyondThePinController_isRefused() throws Exception {
    String error = errorFor("gateway.id = bat-a", "gpio.enabled = true", "gpio.led = 54");

    assertEquals(
        folder.resolve("releve.conf")
            + ": key [gpio.led] (line 3) has value [54]: must lie between 0 and 53.",
        error);
  }

  @Test
  void anEnabledFlagThatIsNoBoolean_isRefused() throws Exception {
    String error = errorFor("gateway.id = bat-a", "gpio.enabled = yes");

    assertEquals(
        folder.resolve("releve.conf")
            + ": key [gpio.enabled] (line 2) has value [yes]: must be true or false.",
        error);
  }
}
