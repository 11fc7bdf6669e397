package io.releve.gateway.diag;

import static io.releve.gateway.diag.GatewayUnderTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.releve.contract.Command;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import io.releve.gateway.config.GatewayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ConfigGetHandlerTest {

  @TempDir Path folder;

  private static final String FILE =
      "gateway.id = rl042-gw1\n"
          + "bus.east.transport = tcp\n"
          + "bus.east.host = 192.0.2.10\n"
          + "bus.east.port = 10001\n"
          + "rtlwmbus.roof.command = rtl_sdr - | rtl_wmbus\n";

  /**
   * The file as the gateway loads it, then with the uplink's lines (which the loading of this
   * version would refuse as unknown) added to the same file, as the running gateway will have them.
   */
  private CommandDesk desk(String uplinkLines) throws Exception {
    Path file = folder.resolve("releve.conf");
    Files.writeString(file, FILE);
    GatewayConfig config = GatewayConfig.load(file);
    Files.writeString(file, FILE + uplinkLines);
    return new CommandDesk(Map.of(Command.CONFIG_GET, new ConfigGetHandler(config)));
  }

  private static CommandResponse get(CommandDesk desk, Map<String, String> args) {
    return desk.answer(Command.CONFIG_GET, new CommandRequest(args));
  }

  @Test
  void configGet_withoutKey_listsEveryKeyWithItsDefaultsFilledIn() throws Exception {
    CommandResponse response = get(desk(""), Map.of());

    assertEquals(200, response.code());
    var body = response.body();
    assertEquals("rl042-gw1", body.get("gateway.id").asText());
    assertEquals("2400", body.get("bus.east.baud").asText());
    assertEquals("15m", body.get("bus.east.poll-interval").asText());
    assertEquals("Europe/Paris", body.get("meters.timezone").asText());
    assertEquals("30s", body.get("radio.duplicate-window").asText());
    assertEquals("rtl_sdr - | rtl_wmbus", body.get("rtlwmbus.roof.command").asText());
  }

  @Test
  void configGet_secrets_areRedactedButPathsToThemShown() throws Exception {
    CommandDesk desk =
        desk(
            "mqtt.password = hunter2\n"
                + "mqtt.password-file = /etc/releve/mqtt-password\n"
                + "mqtt.token = abc\n"
                + "mqtt.api-key = k1\n"
                + "mqtt.url = tcp://broker?token=abc\n"
                + "test.meter-key = 0123456789ABCDEF0123456789ABCDEF\n");

    var body = get(desk, Map.of()).body();

    assertEquals("[redacted]", body.get("mqtt.password").asText());
    assertEquals("/etc/releve/mqtt-password", body.get("mqtt.password-file").asText());
    assertEquals("[redacted]", body.get("mqtt.token").asText());
    assertEquals("[redacted]", body.get("mqtt.api-key").asText());
    assertEquals("[redacted]", body.get("mqtt.url").asText());
    assertEquals("[redacted]", body.get("test.meter-key").asText());
    assertFalse(body.get("keys.path").asText().equals("[redacted]"));
    assertEquals("releve", body.get("keys.group").asText());
    assertFalse(body.toString().contains("hunter2"));
  }

  @Test
  void configGet_oneKey_answersItAlone_andAnUnknownKeyIs404() throws Exception {
    CommandDesk desk = desk("mqtt.password = hunter2\n");

    CommandResponse port = get(desk, Map.of("key", "bus.east.port"));
    CommandResponse password = get(desk, Map.of("key", "mqtt.password"));
    CommandResponse unknown = get(desk, Map.of("key", "bus.west.port"));

    assertEquals("{\"bus.east.port\":\"10001\"}", port.body().toString());
    assertEquals("{\"mqtt.password\":\"[redacted]\"}", password.body().toString());
    assertEquals(404, unknown.code());
    assertEquals(
        "No configuration key [bus.west.port]; config-get without a key lists them all.",
        error(unknown));
  }
}
