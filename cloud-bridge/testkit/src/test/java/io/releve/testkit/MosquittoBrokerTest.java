package io.releve.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.releve.testkit.MosquittoBroker.Verdict;
import io.releve.testkit.MosquittoConfig.PlainListener;
import io.releve.testkit.PahoPeer.Received;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MosquittoBrokerTest {

  private static final String READINGS = "releve/v1/gw-1/up/readings";
  private static final String STATUS = "releve/v1/gw-1/status";
  private static final long WAIT_SECONDS = 10;

  @Test
  @Timeout(30)
  void aQos1MessagePublished_isReceivedByTheSubscriber() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start();
        PahoPeer subscriber = PahoPeer.connect(broker, "bridge", options -> {});
        PahoPeer publisher = PahoPeer.connect(broker, "gw-1", options -> {})) {
      subscriber.client().subscribe(READINGS, 1);

      publisher.client().publish(READINGS, "{\"seq\":1}".getBytes(UTF_8), 1, false);

      assertEquals(new Received(READINGS, "{\"seq\":1}", 1, false), subscriber.next());
    }
  }

  @Test
  @Timeout(30)
  void aRetainedMessage_isDeliveredToALaterSubscriber() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start();
        PahoPeer publisher = PahoPeer.connect(broker, "gw-1", options -> {})) {
      publisher.client().publish(STATUS, "online".getBytes(UTF_8), 1, true);

      try (PahoPeer later = PahoPeer.connect(broker, "bridge", options -> {})) {
        later.client().subscribe(STATUS, 1);
        assertEquals(new Received(STATUS, "online", 1, true), later.next());
      }
    }
  }

  @Test
  @Timeout(30)
  void aClientWhoseConnectionBreaks_hasItsWillPublishedAtOnce_notAfterItsKeepAlive()
      throws Exception {
    BreakableSockets sockets = new BreakableSockets();
    try (MosquittoBroker broker = MosquittoBroker.start();
        PahoPeer gateway = PahoPeer.connect(broker, "gw-1", withWill(sockets));
        PahoPeer bridge = PahoPeer.connect(broker, "bridge", options -> {})) {
      gateway.client().publish(STATUS, "online".getBytes(UTF_8), 1, true);
      bridge.client().subscribe(STATUS, 1);
      assertEquals(new Received(STATUS, "online", 1, true), bridge.next());

      // No DISCONNECT packet: the socket closes as when the gateway's process dies. (After a power
      // cut no FIN comes either, and the broker only notices after 1.5 keep-alive intervals.)
      sockets.breakAll();

      // Within 10 s of a 60 s keep-alive: the broker saw the socket close.
      assertEquals(new Received(STATUS, "offline", 1, false), bridge.next());
      try (PahoPeer later = PahoPeer.connect(broker, "bridge-2", options -> {})) {
        later.client().subscribe(STATUS, 1);
        assertEquals(new Received(STATUS, "offline", 1, true), later.next());
      }
    }
  }

  @Test
  @Timeout(30)
  void pahoDisconnectForcibly_sendsDisconnect_soTheBrokerDiscardsTheWill() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start();
        PahoPeer gateway = PahoPeer.connect(broker, "gw-1", withWill(new BreakableSockets()));
        PahoPeer bridge = PahoPeer.connect(broker, "bridge", options -> {});
        PahoPeer other = PahoPeer.connect(broker, "gw-2", options -> {})) {
      bridge.client().subscribe("releve/v1/+/#", 1);

      // The DISCONNECT leaves at once, but Paho then waits out the whole disconnect timeout (10 s
      // for the no-argument form, forever for 0) for a completion that never comes.
      gateway.client().disconnectForcibly(0, 100);
      awaitLog(broker, "Client gw-1 disconnected.");
      other.client().publish(READINGS, "after".getBytes(UTF_8), 1, false);

      // A will would have been queued to the bridge before the message sent after it.
      assertEquals(new Received(READINGS, "after", 1, false), bridge.next());
    }
  }

  @Test
  @Timeout(30)
  void pahoDisconnectForcibly_toldToSendNoDisconnect_getsTheWillPublished() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start();
        PahoPeer gateway = PahoPeer.connect(broker, "gw-1", withWill(new BreakableSockets()));
        PahoPeer bridge = PahoPeer.connect(broker, "bridge", options -> {})) {
      bridge.client().subscribe(STATUS, 1);

      gateway.client().disconnectForcibly(0, 0, false);

      assertEquals(new Received(STATUS, "offline", 1, false), bridge.next());
      awaitLog(broker, "Client gw-1 closed its connection.");
    }
  }

  @Test
  @Timeout(60)
  void aBrokerKilledAndRestarted_isSurvivedByAClientWithAutomaticReconnect_whichPublishesAgain()
      throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start();
        PahoPeer gateway =
            PahoPeer.connect(
                broker,
                "gw-1",
                options -> {
                  options.setAutomaticReconnect(true);
                  options.setMaxReconnectDelay(1_000);
                })) {
      assertEquals(false, gateway.nextConnect(), "the first connection is no reconnection");
      int port = broker.port();
      long firstPid = broker.pid();

      broker.kill();
      assertFalse(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false));
      broker.restart();

      assertNotEquals(firstPid, broker.pid());
      assertEquals(port, broker.port());
      assertEquals(true, gateway.nextConnect(), "Paho reconnected by itself");
      try (PahoPeer bridge = PahoPeer.connect(broker, "bridge", options -> {})) {
        bridge.client().subscribe(READINGS, 1);
        gateway.client().publish(READINGS, "{\"seq\":2}".getBytes(UTF_8), 1, false);
        assertEquals(new Received(READINGS, "{\"seq\":2}", 1, false), bridge.next());
      }
    }
  }

  @Test
  @Timeout(30)
  void withAPasswordFile_anAnonymousClientIsRefused() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.startWithUser("gw-1", "s3cret")) {
      MqttSecurityException refused =
          assertThrows(
              MqttSecurityException.class,
              () -> PahoPeer.connect(broker, "anonymous", options -> {}));
      assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, refused.getReasonCode());
    }
  }

  @Test
  @Timeout(30)
  void withAPasswordFile_aWrongPasswordIsRefused_andTheRightOneLetsTheClientIn() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.startWithUser("gw-1", "s3cret")) {
      MqttSecurityException refused =
          assertThrows(
              MqttSecurityException.class,
              () -> PahoPeer.connect(broker, "gw-1", login("gw-1", "wrong")));
      assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, refused.getReasonCode());

      try (PahoPeer gateway = PahoPeer.connect(broker, "gw-1", login("gw-1", "s3cret"))) {
        gateway.client().subscribe(READINGS, 1);
        gateway.client().publish(READINGS, "in".getBytes(UTF_8), 1, false);
        assertEquals(new Received(READINGS, "in", 1, false), gateway.next());
      }
    }
  }

  @Test
  @Timeout(30)
  void theBrokerListensOnItsOwnPort_whateverHoldsTheStandardPort1883() throws Exception {
    try (ServerSocket standard = holdPortIfFree(1883);
        MosquittoBroker broker = MosquittoBroker.start();
        PahoPeer gateway = PahoPeer.connect(broker, "gw-1", options -> {})) {
      assertNotEquals(1883, broker.port());
      assertEquals("tcp://127.0.0.1:" + broker.port(), broker.uri());
      assertTrue(gateway.client().isConnected());
    }
  }

  @Test
  @Timeout(30)
  void stop_endsTheBrokerWithSigterm_andFreesItsPort() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start()) {
      broker.stop();

      assertFalse(broker.isRunning());
      assertTrue(broker.log().contains("terminating"), broker.log());
      assertThrows(IOException.class, () -> new Socket("127.0.0.1", broker.port()).close());
    }
  }

  @ParameterizedTest(name = "installed={0}, CI={1} → {2}")
  @CsvSource({
    "true,  true,  RUN",
    "true,  ,      RUN",
    "false, true,  FAIL",
    "false, false, SKIP",
    "false, ,      SKIP",
    "false, 1,     SKIP"
  })
  void withoutMosquitto_testsFailUnderCiTrue_andAreSkippedElsewhere(
      boolean installed, String ci, Verdict expected) {
    assertEquals(expected, MosquittoBroker.verdict(installed, ci));
  }

  @Test
  void theConfig_listensOnLoopbackOnly_keepsNothingOnDisk_andLetsAnonymousClientsIn() {
    MosquittoConfig config =
        new MosquittoConfig(
            List.of(new PlainListener(41883)), Optional.empty(), Path.of("/t/m.log"), "root");

    assertEquals(
        """
        user root
        persistence false
        log_dest file /t/m.log
        log_timestamp_format %Y-%m-%dT%H:%M:%S
        connection_messages true
        allow_anonymous true
        listener 41883 127.0.0.1
        """,
        config.text());
  }

  @Test
  void theConfig_withAPasswordFile_refusesAnonymousClients() {
    MosquittoConfig config =
        new MosquittoConfig(
            List.of(new PlainListener(41883)),
            Optional.of(Path.of("/t/passwd")),
            Path.of("/t/m.log"),
            "root");

    assertTrue(config.text().contains("allow_anonymous false\npassword_file /t/passwd\n"));
  }

  private static Consumer<MqttConnectOptions> withWill(BreakableSockets sockets) {
    return options -> {
      options.setWill(STATUS, "offline".getBytes(UTF_8), 1, true);
      options.setKeepAliveInterval(60);
      options.setSocketFactory(sockets);
    };
  }

  private static Consumer<MqttConnectOptions> login(String user, String password) {
    return options -> {
      options.setUserName(user);
      options.setPassword(password.toCharArray());
    };
  }

  private static ServerSocket holdPortIfFree(int port) throws IOException {
    try {
      return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
    } catch (BindException taken) {
      return null; // a system Mosquitto, most likely: just what this test is about
    }
  }

  private static void awaitLog(MosquittoBroker broker, String line) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!broker.log().contains(line)) {
      if (System.nanoTime() > deadline) {
        fail("no \"" + line + "\" in Mosquitto's log: " + broker.log());
      }
      Thread.sleep(10);
    }
  }
}
