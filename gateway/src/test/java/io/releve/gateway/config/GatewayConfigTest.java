package io.releve.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.releve.common.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigTest {

  @TempDir Path folder;

  private Path write(String... lines) throws IOException {
    return ConfFile.write(folder, lines);
  }

  private String errorFor(String... lines) throws IOException {
    return ConfFile.errorFor(folder, lines);
  }

  @Test
  void load_minimalFile_appliesDocumentedDefaults() throws Exception {
    GatewayConfig config = GatewayConfig.load(write("gateway.id = bat-a"));

    assertEquals("bat-a", config.gatewayId());
    assertEquals(folder.resolve("releve.db"), config.database());
    assertEquals(new RetentionConfig(30, 800, 90), config.retention());
    assertEquals(List.of(), config.buses());
  }

  @Test
  void load_relativeDatabasePath_resolvesAgainstTheConfigurationFolder() throws Exception {
    GatewayConfig config =
        GatewayConfig.load(write("gateway.id = bat-a", "database.path = ../data/x.db"));

    assertEquals(folder.getParent().resolve("data/x.db"), config.database());
  }

  @Test
  void load_serialAndTcpBuses_areReadInNameOrder() throws Exception {
    GatewayConfig config =
        GatewayConfig.load(
            write(
                "gateway.id = bat-a",
                "bus.west.transport = tcp",
                "bus.west.host = 127.0.0.1",
                "bus.west.port = 10001",
                "bus.west.poll-interval = 30s",
                "bus.west.retries = 0",
                "bus.west.max-telegrams = 4",
                "bus.east.transport = serial",
                "bus.east.device = /dev/serial/by-id/usb-FTDI-if00",
                "bus.east.baud = 9600"));

    assertEquals(
        List.of(
            new BusConfig(
                "east",
                BusConfig.Transport.SERIAL,
                Path.of("/dev/serial/by-id/usb-FTDI-if00"),
                null,
                0,
                9600,
                Duration.ofMinutes(15),
                2,
                16),
            new BusConfig(
                "west",
                BusConfig.Transport.TCP,
                null,
                "127.0.0.1",
                10001,
                2400,
                Duration.ofSeconds(30),
                0,
                4)),
        config.buses());
  }

  @Test
  void load_pollIntervalWithoutUnit_namesFileKeyLineAndValue() throws Exception {
    String message =
        errorFor(
            "gateway.id = bat-a",
            "bus.west.transport = tcp",
            "bus.west.host = 127.0.0.1",
            "bus.west.port = 10001",
            "bus.west.poll-interval = 15");

    assertEquals(
        folder.resolve("releve.conf")
            + ": key [bus.west.poll-interval] (line 5) has value [15]: must be a number followed by"
            + " s, m, h or d (such as 15m), between 10s and 24h.",
        message);
  }

  @Test
  void load_pollIntervalBelowTenSeconds_isRefused() throws Exception {
    String message =
        errorFor(
            "gateway.id = bat-a",
            "bus.west.transport = tcp",
            "bus.west.host = 127.0.0.1",
            "bus.west.port = 10001",
            "bus.west.poll-interval = 5s");

    assertEquals(
        folder.resolve("releve.conf")
            + ": key [bus.west.poll-interval] (line 5) has value [5s]: must lie between 10s"
            + " and 24h.",
        message);
  }

  @Test
  void load_badBaudRate_namesFileKeyLineAndValue() throws Exception {
    String message =
        errorFor(
            "gateway.id = bat-a",
            "bus.east.transport = serial",
            "bus.east.device = /dev/serial/by-id/usb-FTDI-if00",
            "bus.east.baud = 4800");

    assertEquals(
        folder.resolve("releve.conf")
            + ": key [bus.east.baud] (line 4) has value [4800]: must be one of [300, 2400, 9600].",
        message);
  }

  @Test
  void load_serialPortNotNamedById_isRefused() throws Exception {
    String message =
        errorFor(
            "gateway.id = bat-a", "bus.east.transport = serial", "bus.east.device = /dev/ttyUSB0");

    assertEquals(
        folder.resolve("releve.conf")
            + ": key [bus.east.device] (line 3) has value [/dev/ttyUSB0]: must name the port by"
            + " /dev/serial/by-id/… so that it survives a replug.",
        message);
  }

  @Test
  void load_meterTimezone_isReadAndDefaultsToParis() throws Exception {
    assertEquals(
        java.time.ZoneId.of("Europe/Paris"),
        GatewayConfig.load(write("gateway.id = a")).meterZone());
    assertEquals(
        java.time.ZoneId.of("America/Cayenne"),
        GatewayConfig.load(write("gateway.id = a", "meters.timezone = America/Cayenne"))
            .meterZone());
  }

  @Test
  void load_unknownTimezone_isRefused() throws Exception {
    assertEquals(
        folder.resolve("releve.conf")
            + ": key [meters.timezone] (line 2) has value [Paris]: must be a time zone name such"
            + " as Europe/Paris.",
        errorFor("gateway.id = a", "meters.timezone = Paris"));
  }

  @Test
  void load_misspeltKey_isRefusedRatherThanIgnored() throws Exception {
    String message = errorFor("gateway.id = bat-a", "retention.reading.days = 10");

    assertEquals(
        folder.resolve("releve.conf")
            + ": key [retention.reading.days] (line 2) with value [10] is not a known setting;"
            + " see config/releve.conf for the list.",
        message);
  }

  @Test
  void load_missingGatewayId_saysItIsRequired() throws Exception {
    assertEquals(
        folder.resolve("releve.conf") + ": key [gateway.id] is required.",
        errorFor("database.path = x.db"));
  }

  @Test
  void load_duplicateKey_namesBothLines() throws Exception {
    assertEquals(
        folder.resolve("releve.conf") + ": key [gateway.id] (line 2) is already set on line 1.",
        errorFor("gateway.id = a", "gateway.id = b"));
  }

  @Test
  void load_lineWithoutEquals_isRefused() throws Exception {
    assertEquals(
        folder.resolve("releve.conf") + ": line 2 [oops] must have the form key = value.",
        errorFor("gateway.id = a", "oops"));
  }

  @Test
  void load_rawFramesKeptLongerThanReadings_isRefused() throws Exception {
    assertEquals(
        folder.resolve("releve.conf")
            + ": key [retention.raw-frames.days] has value [60]: must not exceed"
            + " retention.readings.days (50).",
        errorFor(
            "gateway.id = a", "retention.raw-frames.days = 60", "retention.readings.days = 50"));
  }

  @Test
  void load_missingFile_saysSo() {
    Path missing = folder.resolve("nope.conf");
    assertEquals(
        missing + ": the configuration file does not exist.",
        assertThrows(ConfigException.class, () -> GatewayConfig.load(missing)).getMessage());
  }

  @Test
  void load_withoutKeySettings_putsTheKeyFileNextToTheConfigurationForGroupReleve()
      throws Exception {
    GatewayConfig config = GatewayConfig.load(write("gateway.id = a"));

    assertEquals(new GatewayConfig.Keys(folder.resolve("keys"), "releve"), config.keys());
  }

  @Test
  void load_keySettings_resolveARelativePathAgainstTheConfigurationFolder() throws Exception {
    GatewayConfig config =
        GatewayConfig.load(
            write("gateway.id = a", "keys.path = ../secret/keys", "keys.group = releve-gw"));

    assertEquals(
        new GatewayConfig.Keys(folder.getParent().resolve("secret/keys"), "releve-gw"),
        config.keys());
    assertEquals(
        Path.of("/etc/releve/keys"),
        GatewayConfig.load(write("gateway.id = a", "keys.path = /etc/releve/keys")).keys().path());
  }

  @Test
  void load_badKeyGroup_namesFileKeyLineAndValue() throws Exception {
    assertEquals(
        folder.resolve("releve.conf")
            + ": key [keys.group] (line 2) has value [Releve Daemon]: must be a group name:"
            + " lower-case letters, digits, dashes and underscores (at most 32).",
        errorFor("gateway.id = a", "keys.group = Releve Daemon"));
  }

  @Test
  void keyDefaults_ofAConfigurationBuiltInCode_areNextToItsFile() {
    assertEquals(
        new GatewayConfig.Keys(Path.of("/etc/releve/keys"), "releve"),
        GatewayConfig.Keys.defaultsFor(Path.of("/etc/releve/releve.conf")));
  }

  @Test
  void load_shippedConfiguration_isValid() throws Exception {
    Path shipped = Path.of("..", "config", "releve.conf");

    GatewayConfig config = GatewayConfig.load(shipped);

    assertEquals("demo-gateway", config.gatewayId());
    assertEquals(
        shipped.toAbsolutePath().getParent().resolve("../var/keys").normalize(),
        config.keys().path());
  }

  @Test
  void load_radioReceivers_areReadWithTheirModesAndDefaults() throws Exception {
    GatewayConfig config =
        GatewayConfig.load(
            write(
                "gateway.id = bat-a",
                "radio.duplicate-window = 45s",
                "stick.hall.type = im871a",
                "stick.hall.device = /dev/serial/by-id/usb-iM871A-if00",
                "stick.cellar.type = amber",
                "stick.cellar.device = /dev/pts/4",
                "stick.cellar.mode = s1",
                "rtlwmbus.roof.command = rtl_sdr -f 868.95M -s 1600000 - | rtl_wmbus",
                "rtlwmbus.roof.rssi-offset = -160",
                "rtlwmbus.lab.pipe = rtl.fifo",
                "rtlwmbus.lab.mode = all"));

    RadioConfig radio = config.radio();
    assertEquals(Duration.ofSeconds(45), radio.duplicateWindow());
    assertEquals(-105, radio.sensitivityDbm());
    assertEquals(
        List.of(
            new RadioConfig.Stick(
                "stick.cellar",
                RadioConfig.StickType.AMBER,
                Path.of("/dev/pts/4"),
                RadioConfig.Modes.S1),
            new RadioConfig.Stick(
                "stick.hall",
                RadioConfig.StickType.IM871A,
                Path.of("/dev/serial/by-id/usb-iM871A-if00"),
                RadioConfig.Modes.T1C1),
            new RadioConfig.RtlWmbus(
                "rtlwmbus.lab",
                java.util.Optional.empty(),
                java.util.Optional.of(folder.resolve("rtl.fifo")),
                RadioConfig.Modes.ALL,
                java.util.Optional.empty()),
            new RadioConfig.RtlWmbus(
                "rtlwmbus.roof",
                java.util.Optional.of("rtl_sdr -f 868.95M -s 1600000 - | rtl_wmbus"),
                java.util.Optional.empty(),
                RadioConfig.Modes.T1C1,
                java.util.Optional.of(-160))),
        radio.receivers());
  }

  @Test
  void load_withoutRadioKeys_hasNoReceiversAndTheDefaultWindow() throws Exception {
    GatewayConfig config = GatewayConfig.load(write("gateway.id = bat-a"));

    assertEquals(RadioConfig.NONE, config.radio());
  }

  @Test
  void load_stickOnTtyUsb_namesFileKeyLineAndValue() throws Exception {
    assertEquals(
        folder.resolve("releve.conf")
            + ": key [stick.hall.device] (line 3) has value [/dev/ttyUSB0]: must name the port by"
            + " /dev/serial/by-id/… so that it survives a replug.",
        errorFor(
            "gateway.id = bat-a", "stick.hall.type = im871a", "stick.hall.device = /dev/ttyUSB0"));
  }

  @Test
  void load_stickInAllModes_isRefused() throws Exception {
    assertEquals(
        folder.resolve("releve.conf")
            + ": key [stick.hall.mode] (line 4) has value [all]: a stick hears S1, or T1 and C1"
            + " together, never all three: t1c1 or s1.",
        errorFor(
            "gateway.id = bat-a",
            "stick.hall.type = im871a",
            "stick.hall.device = /dev/pts/3",
            "stick.hall.mode = all"));
  }

  @Test
  void load_unknownStickType_namesTheChoices() throws Exception {
    assertEquals(
        folder.resolve("releve.conf")
            + ": key [stick.hall.type] (line 2) has value [cul]: must be one of [im871a, amber].",
        errorFor("gateway.id = bat-a", "stick.hall.type = cul", "stick.hall.device = /dev/pts/3"));
  }

  @Test
  void load_rtlWmbusWithCommandAndPipe_isRefused() throws Exception {
    assertEquals(
        folder.resolve("releve.conf")
            + ": rtlwmbus receiver [roof] needs exactly one of rtlwmbus.roof.command and"
            + " rtlwmbus.roof.pipe.",
        errorFor(
            "gateway.id = bat-a", "rtlwmbus.roof.command = rtl_wmbus", "rtlwmbus.roof.pipe = x"));
  }

  @Test
  void load_duplicateWindowWithoutUnit_namesFileKeyLineAndValue() throws Exception {
    assertEquals(
        folder.resolve("releve.conf")
            + ": key [radio.duplicate-window] (line 2) has value [30]: must be a number followed"
            + " by s, m, h or d (such as 15m), between 1s and 10m.",
        errorFor("gateway.id = bat-a", "radio.duplicate-window = 30"));
  }

  @Test
  void withoutMqttUriTheGatewayHasNoUplink() throws Exception {
    assertEquals(null, GatewayConfig.load(write("gateway.id = a")).uplink());
  }

  @Test
  void theUplinkTakesItsDocumentedDefaults() throws Exception {
    UplinkConfig uplink =
        GatewayConfig.load(write("gateway.id = rl042-gw1", "mqtt.uri = tcp://broker:1883"))
            .uplink();

    assertEquals(UplinkConfig.defaults("tcp://broker:1883", "rl042-gw1"), uplink);
    assertEquals(500, uplink.batchSize());
    assertEquals(8, uplink.window());
    assertEquals(Duration.ofSeconds(30), uplink.ackTimeout());
    assertEquals(Duration.ofMinutes(15), uplink.healthInterval());
  }

  @Test
  void theUplinksFilesResolveAgainstTheConfigurationFolder() throws Exception {
    UplinkConfig uplink =
        GatewayConfig.load(
                write(
                    "gateway.id = a",
                    "mqtt.uri = ssl://broker.example.org:8883",
                    "mqtt.username = a",
                    "mqtt.password-file = secret/mqtt",
                    "mqtt.tls.ca-file = /etc/ssl/ca.pem",
                    "mqtt.tls.client-p12 = a.p12"))
            .uplink();

    assertEquals(folder.resolve("secret/mqtt"), uplink.passwordFile());
    assertEquals(Path.of("/etc/ssl/ca.pem"), uplink.caFile());
    assertEquals(folder.resolve("a.p12"), uplink.clientP12());
    assertEquals(true, uplink.tls());
  }

  @Test
  void aBrokerUriWithoutSchemeOrPortIsRefused() throws Exception {
    assertEquals(
        folder.resolve("releve.conf")
            + ": key [mqtt.uri] (line 2) has value [broker:1883]: must be tcp://HOST:PORT or"
            + " ssl://HOST:PORT, such as tcp://broker:1883.",
        errorFor("gateway.id = a", "mqtt.uri = broker:1883"));
  }

  @Test
  void mqttSettingsWithoutABrokerAreRefused() throws Exception {
    assertEquals(
        folder.resolve("releve.conf")
            + ": key [mqtt.username] (line 2) has value [a]: needs mqtt.uri, the broker to send"
            + " to.",
        errorFor("gateway.id = a", "mqtt.username = a"));
  }

  @Test
  void aCertificateNeedsAnSslBroker() throws Exception {
    assertEquals(
        folder.resolve("releve.conf")
            + ": key [mqtt.tls.ca-file] (line 3) has value [ca.pem]: needs an ssl:// mqtt.uri,"
            + " not [tcp://broker:1883].",
        errorFor("gateway.id = a", "mqtt.uri = tcp://broker:1883", "mqtt.tls.ca-file = ca.pem"));
  }

  @Test
  void anAckTimeoutBelowTwoSecondsIsRefused() throws Exception {
    assertEquals(
        folder.resolve("releve.conf")
            + ": key [uplink.ack-timeout] (line 3) has value [1s]: must lie between 2s and 30m.",
        errorFor("gateway.id = a", "mqtt.uri = tcp://b:1883", "uplink.ack-timeout = 1s"));
  }

  @Test
  void aPasswordWrittenInTheFileIsNeverRepeatedInTheError() throws Exception {
    assertEquals(
        folder.resolve("releve.conf")
            + ": key [mqtt.password] (line 2) with value [hidden] is not a known setting;"
            + " see config/releve.conf for the list.",
        errorFor("gateway.id = a", "mqtt.password = s3cret"));
  }
}
