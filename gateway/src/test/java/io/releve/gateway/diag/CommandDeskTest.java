package io.releve.gateway.diag;

import static io.releve.gateway.diag.GatewayUnderTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.releve.contract.Command;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CommandDeskTest {

  private static final Instant NOW = Instant.parse("2026-11-24T18:00:02.317Z");

  /** A scan that runs until the test lets it end. */
  private static final class HeldScan implements LongCommand {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public String describe(CommandRequest request) {
      return "scan of bus " + request.args().get("bus");
    }

    @Override
    public CommandResponse answer(CommandRequest request) throws Exception {
      started.countDown();
      release.await();
      return CommandDesk.ok(JsonNodeFactory.instance.objectNode().put("found", 3));
    }

    @Override
    public Set<String> arguments() {
      return Set.of("bus");
    }
  }

  private static CommandResponse ask(CommandDesk desk, Command command, Map<String, String> args) {
    return desk.answer(command, new CommandRequest(args));
  }

  @Test
  void answer_anUnregisteredCommand_isNotAvailable() {
    CommandDesk desk = CommandDesk.builder().build();

    CommandResponse response = ask(desk, Command.QUEUE, Map.of());

    assertEquals(503, response.code());
    assertEquals("Command [queue] is not available on this gateway.", error(response));
  }

  @Test
  void answer_anUnknownArgument_namesItAndTheAcceptedOnes() {
    CommandDesk desk =
        CommandDesk.builder()
            .handle(Command.SCAN, new HeldScan())
            .handle(Command.PING, request -> CommandDesk.ok(null))
            .build();

    CommandResponse scan = ask(desk, Command.SCAN, Map.of("bus", "east", "speed", "9600"));
    CommandResponse ping = ask(desk, Command.PING, Map.of("now", "1"));

    assertEquals(400, scan.code());
    assertEquals("Unknown argument [speed] for scan; it accepts: bus.", error(scan));
    assertEquals(400, ping.code());
    assertEquals("Unknown argument [now] for ping, which takes no arguments.", error(ping));
  }

  @Test
  void answer_aSecondLongCommandWhileOneRuns_isBusyNamingTheFirstAndSince() throws Exception {
    HeldScan scan = new HeldScan();
    CommandDesk desk =
        CommandDesk.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .handle(Command.SCAN, scan)
            .handle(Command.PING, request -> CommandDesk.ok(null))
            .build();
    CompletableFuture<CommandResponse> first =
        CompletableFuture.supplyAsync(() -> ask(desk, Command.SCAN, Map.of("bus", "east")));
    scan.started.await();

    CommandResponse second = ask(desk, Command.SCAN, Map.of("bus", "west"));
    CommandResponse ping = ask(desk, Command.PING, Map.of());
    scan.release.countDown();

    assertEquals(503, second.code());
    assertEquals("busy: scan of bus east running since 2026-11-24T18:00:02.317Z.", error(second));
    assertEquals(200, ping.code());
    assertEquals(200, first.get().code());
    scan.release.countDown();
    CompletableFuture<CommandResponse> again =
        CompletableFuture.supplyAsync(() -> ask(desk, Command.SCAN, Map.of("bus", "west")));
    assertEquals(200, again.get().code(), "the slot is free once the first ends");
  }

  @Test
  void answer_aHandlerThatFails_answers500WithTheCause() {
    CommandDesk desk =
        CommandDesk.builder()
            .handle(
                Command.STATUS,
                request -> {
                  throw new IllegalStateException("database locked");
                })
            .build();

    CommandResponse response = ask(desk, Command.STATUS, Map.of());

    assertEquals(500, response.code());
    assertEquals(
        "Command [status] failed: java.lang.IllegalStateException: database locked",
        error(response));
  }

  @Test
  void answer_aHandlersOwnRefusal_keepsItsCodeAndMessage() {
    CommandDesk desk =
        CommandDesk.builder()
            .handle(
                Command.QUEUE,
                request -> {
                  throw CommandException.unavailable("The uplink is not connected.");
                })
            .build();

    CommandResponse response = ask(desk, Command.QUEUE, Map.of());

    assertEquals(503, response.code());
    assertEquals("The uplink is not connected.", error(response));
  }

  @Test
  void answer_aBodyOverTheLimit_isNotSent() {
    String big = "x".repeat(CommandDesk.MAX_BODY_BYTES);
    CommandDesk desk =
        CommandDesk.builder()
            .handle(
                Command.STATUS,
                request -> CommandDesk.ok(JsonNodeFactory.instance.objectNode().put("a", big)))
            .build();

    CommandResponse response = ask(desk, Command.STATUS, Map.of());

    assertEquals(500, response.code());
    assertEquals(
        "The answer to [status] would take 65544 bytes, more than the 65536 an answer may.",
        error(response));
  }

  @Test
  void answer_noCommandOrNoRequest_isAnsweredToo() {
    CommandDesk desk = new CommandDesk(Map.of(Command.PING, request -> CommandDesk.ok(null)));

    assertEquals(400, desk.answer(null, null).code());
    assertEquals(200, desk.answer(Command.PING, null).code());
  }

  @Test
  void accepting_givesALambdaItsArguments() {
    CommandDesk desk =
        CommandDesk.builder()
            .handle(
                Command.QUEUE,
                CommandHandler.accepting(
                    Set.of("detail"),
                    request -> CommandDesk.ok(JsonNodeFactory.instance.objectNode())))
            .build();

    assertEquals(200, ask(desk, Command.QUEUE, Map.of("detail", "1")).code());
    assertEquals(400, ask(desk, Command.QUEUE, Map.of("details", "1")).code());
  }
}
