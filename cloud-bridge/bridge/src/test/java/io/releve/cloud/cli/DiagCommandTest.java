package io.releve.cloud.cli;

import static io.releve.cloud.Batches.GATEWAY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.cloud.Batches;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import io.releve.contract.Golden;
import io.releve.contract.Json;
import io.releve.contract.Status;
import io.releve.contract.TopicName;
import io.releve.contract.Topics;
import io.releve.testkit.MosquittoBroker;
import io.releve.testkit.PahoPeer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DiagCommandTest {

  @TempDir Path folder;

  /** A gateway that answers every request with {@code code} and echoes the arguments. */
  private static PahoPeer answering(MosquittoBroker broker, int code) throws Exception {
    PahoPeer gateway = PahoPeer.connect(broker, "gw-answers", options -> {});
    IMqttMessageListener answer =
        (topic, message) -> {
          TopicName request = TopicName.parse(topic);
          CommandRequest body = Json.read(message.getPayload(), CommandRequest.class);
          CommandResponse response =
              CommandResponse.of(
                  code,
                  code == 200
                      ? Json.read(Golden.COMMAND_RESPONSE.bytes(), CommandResponse.class).body()
                      : new com.fasterxml.jackson.databind.ObjectMapper()
                          .valueToTree(Map.of("error", "no meter " + body.args().get("meter"))));
          gateway.client().publish(request.response().topic(), Json.write(response), 1, false);
        };
    gateway.client().subscribe(Topics.commandRequests(GATEWAY), 1, answer);
    return gateway;
  }

  @Test
  void anAnswer200_printsTheBodyOnStdout_andTheCodeOnStderr_exit0() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start();
        PahoPeer gateway = answering(broker, 200)) {
      Cli cli = diag(broker, "rl042-gw1", "read", "meter=SEN-12345601-68-16");

      assertEquals(0, cli.exitCode(), cli.err());
      assertEquals(
          Json.read(Golden.COMMAND_RESPONSE.bytes(), CommandResponse.class).body(),
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(cli.out()));
      assertEquals(
          "releve diag: rl042-gw1 answered read with 200 in ",
          cli.err().substring(0, cli.err().indexOf(" in ") + 4));
    }
  }

  @Test
  void a4xxAnswer_exits2_andA5xxAnswer_exits3() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start()) {
      try (PahoPeer gateway = answering(broker, 404)) {
        Cli cli = diag(broker, "rl042-gw1", "read", "meter=SEN-99999999-68-16");
        assertEquals(2, cli.exitCode(), cli.err());
        assertEquals(
            "{\n  \"error\" : \"no meter SEN-99999999-68-16\"\n}\n", cli.out().replace("\r", ""));
      }
      try (PahoPeer gateway = answering(broker, 503)) {
        assertEquals(3, diag(broker, "rl042-gw1", "scan").exitCode());
      }
    }
  }

  @Test
  void noAnswerWithinTheTimeout_saysTheGatewayIsOffline_exit75() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start();
        PahoPeer other = PahoPeer.connect(broker, "retainer", options -> {})) {
      Instant session = Instant.parse("2026-11-24T06:12:09.481Z");
      other
          .client()
          .publish(Topics.status(GATEWAY), Batches.status(Status.State.OFFLINE, session), 1, true);

      Cli cli = diag(broker, "rl042-gw1", "ping", "--timeout", "300ms");

      assertEquals(75, cli.exitCode());
      assertEquals("", cli.out());
      assertEquals(
          "releve diag: no answer from rl042-gw1 within 0.30 s. It is offline: its last status"
              + " says so, for a session begun at 2026-11-24T06:12:09.481Z (software 0.1.0).\n",
          cli.err());
    }
  }

  @Test
  void noAnswer_fromAGatewayWithoutStatus_asksWhetherTheIdIsRight() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.start()) {
      Cli cli = diag(broker, "rl999-gw1", "ping", "--timeout", "200ms");

      assertEquals(75, cli.exitCode());
      assertEquals(
          "releve diag: no answer from rl999-gw1 within 0.20 s. It has never published a status"
              + " on this broker: is the gateway id right?\n",
          cli.err());
    }
  }

  @Test
  void anUnknownCommand_isRefusedLocally_listingTheAllowList() {
    Cli cli = Cli.run("diag", "--broker", "tcp://127.0.0.1:1", "rl042-gw1", "reboot");

    assertEquals(64, cli.exitCode());
    assertEquals(
        "releve cloud: Unknown command [reboot]: a gateway answers only ping, status, read, scan,"
            + " log-tail, queue, config-get.\n"
            + "Try 'releve cloud diag --help' for more information.\n",
        cli.err());
  }

  @Test
  void anArgumentWithoutEquals_isAUsageError() {
    Cli cli = Cli.run("diag", "--broker", "tcp://127.0.0.1:1", "rl042-gw1", "read", "SEN-1");

    assertEquals(64, cli.exitCode());
    assertEquals(
        "releve cloud: Argument [SEN-1] must have the form NAME=VALUE, such as"
            + " meter=SEN-12345601-68-16.\n"
            + "Try 'releve cloud diag --help' for more information.\n",
        cli.err());
  }

  @Test
  void anUnreachableBroker_exits69() {
    Cli cli =
        Cli.run(
            "diag",
            "--config",
            folder.resolve("none.conf").toString(),
            "--broker",
            "tcp://127.0.0.1:1",
            "rl042-gw1",
            "ping");

    assertEquals(69, cli.exitCode(), cli.err());
  }

  private Cli diag(MosquittoBroker broker, String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "diag";
    all[1] = "--config";
    all[2] = folder.resolve("absent.conf").toString();
    all[3] = "--broker=" + broker.uri();
    System.arraycopy(args, 0, all, 4, args.length);
    return Cli.run(all);
  }

  static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
