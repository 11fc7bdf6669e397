package io.releve.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code config/example-building/releve.conf}, the example installation, is a valid file. */
class ExampleInstallationFileTest {

  static final Path FILE = Path.of("..", "config", "example-building", "releve.conf");

  @Test
  void exampleInstallation_loads_withItsTwoBusesItsStickAndItsTlsUplink() throws Exception {
    GatewayConfig config = GatewayConfig.load(FILE);

    assertEquals("rl042-gw1", config.gatewayId());
    assertEquals(Path.of("/var/lib/releve/releve.db"), config.database());
    assertEquals(Path.of("/etc/releve/keys"), config.keys().path());
    assertEquals(
        List.of(
            "stairwell-a serial /dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A10K1234-if00-port0",
            "stairwell-b tcp mbus-b.rl042.example.org:10001"),
        config.buses().stream()
            .map(b -> b.name() + " " + b.transport().name().toLowerCase() + " " + b.where())
            .toList());
    BusConfig stairwellB = config.buses().get(1);
    assertEquals(Duration.ofMinutes(15), stairwellB.pollInterval());
    assertEquals(3, stairwellB.retries());
    RadioConfig.Stick hall = (RadioConfig.Stick) config.radio().receivers().get(0);
    assertEquals("stick.hall", hall.name());
    assertEquals(
        Path.of("/dev/serial/by-id/usb-Silicon_Labs_iM871A_USB-if00-port0"), hall.device());
    assertEquals("ssl://mqtt.example.org:8883", config.uplink().uri());
    assertEquals("rl042-gw1", config.uplink().username());
    assertEquals(Path.of("/etc/releve/broker-ca.pem"), config.uplink().caFile());
  }
}
