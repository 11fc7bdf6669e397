package io.releve.gateway.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.contract.GatewayId;
import io.releve.gateway.config.UplinkConfig;
import io.releve.gateway.store.Database;
import io.releve.testkit.MosquittoBroker;
import io.releve.testkit.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Per-gateway credentials and TLS, against a real Mosquitto. */
@Timeout(60)
class UplinkSecurityTest {

  private static final GatewayId GATEWAY = GatewayId.of("rl042-gw1");

  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void openDatabase() {
    database = Database.open(folder.resolve("releve.db"), Clock.systemUTC());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  private static UplinkConfig config(
      String uri, String user, Path passwordFile, Path ca, Path p12, Path p12Password) {
    return new UplinkConfig(
        uri,
        "gw-secure",
        user,
        passwordFile,
        ca,
        p12,
        p12Password,
        100,
        4,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofMinutes(15));
  }

  private Uplink start(UplinkConfig config) throws UplinkException {
    return Uplink.start(config, GATEWAY, database, Clock.systemUTC(), "releve-test", null);
  }

  private Path secret(String name, String text) throws Exception {
    Path file = folder.resolve(name);
    Files.writeString(file, text + "\n");
    return file;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  /** Long enough for several refused attempts: the first retry waits a second. */
  private static void assertNeverConnects(Uplink uplink) throws InterruptedException {
    await("a refused attempt", () -> uplink.report().counters().failures() >= 1);
    assertFalse(uplink.report().connected());
    assertEquals(0, uplink.report().counters().connects());
  }

  @Test
  void theGatewayLogsInWithItsUserAndThePasswordFromItsFile() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.startWithUser("rl042-gw1", "s3cret-Pass");
        Uplink uplink =
            start(
                config(
                    broker.uri(),
                    "rl042-gw1",
                    secret("mqtt-password", "s3cret-Pass"),
                    null,
                    null,
                    null))) {
      await("the connection", () -> uplink.report().connected());
    }
  }

  @Test
  void aWrongPasswordIsRefusedAndTheGatewayKeepsTrying() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.startWithUser("rl042-gw1", "s3cret-Pass");
        Uplink uplink =
            start(
                config(
                    broker.uri(),
                    "rl042-gw1",
                    secret("mqtt-password", "wrong"),
                    null,
                    null,
                    null))) {
      assertNeverConnects(uplink);
    }
  }

  @Test
  void aMissingPasswordFileStopsTheStartNamingTheFile() {
    Path missing = folder.resolve("no-such-file");
    UplinkException e =
        assertThrows(
            UplinkException.class,
            () -> start(config("tcp://127.0.0.1:1", "u", missing, null, null, null)));

    assertTrue(
        e.getMessage().startsWith("Cannot read the MQTT password file [" + missing + "]"),
        e.getMessage());
  }

  @Test
  void overTlsTheBrokersCertificateIsCheckedAgainstTheConfiguredAuthority() throws Exception {
    TestCertificates certificates = TestCertificates.make(folder);
    try (MosquittoBroker broker = MosquittoBroker.startWithTls(certificates, false);
        Uplink uplink = start(config(broker.uri(), null, null, certificates.ca(), null, null))) {
      await("the connection", () -> uplink.report().connected());
    }
  }

  @Test
  void aBrokerCertificateFromAnUnknownAuthorityIsRefused() throws Exception {
    TestCertificates certificates = TestCertificates.make(folder);
    try (MosquittoBroker broker = MosquittoBroker.startWithTls(certificates, false);
        Uplink uplink = start(config(broker.uri(), null, null, null, null, null))) {
      assertNeverConnects(uplink);
    }
  }

  @Test
  void aBrokerThatRequiresAClientCertificateTakesTheGatewaysOne() throws Exception {
    TestCertificates certificates = TestCertificates.make(folder);
    Path p12Password = secret("p12-password", certificates.clientP12Password());
    try (MosquittoBroker broker = MosquittoBroker.startWithTls(certificates, true);
        Uplink uplink =
            start(
                config(
                    broker.uri(),
                    null,
                    null,
                    certificates.ca(),
                    certificates.clientP12(),
                    p12Password))) {
      await("the connection", () -> uplink.report().connected());
    }
  }

  @Test
  void withoutItsClientCertificateTheGatewayIsRefused() throws Exception {
    TestCertificates certificates = TestCertificates.make(folder);
    try (MosquittoBroker broker = MosquittoBroker.startWithTls(certificates, true);
        Uplink uplink = start(config(broker.uri(), null, null, certificates.ca(), null, null))) {
      assertNeverConnects(uplink);
    }
  }

  @Test
  void aWrongClientCertificatePasswordStopsTheStart() throws Exception {
    TestCertificates certificates = TestCertificates.make(folder);
    Path wrong = secret("p12-password", "not-it");

    UplinkException e =
        assertThrows(
            UplinkException.class,
            () ->
                start(
                    config(
                        "ssl://127.0.0.1:1",
                        null,
                        null,
                        certificates.ca(),
                        certificates.clientP12(),
                        wrong)));

    assertTrue(e.getMessage().contains(certificates.clientP12().toString()), e.getMessage());
    assertFalse(e.getMessage().contains("not-it"), "the password never shows");
  }
}
