package io.releve.gateway.diag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.contract.Command;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the gateway answers technicians' commands (DESIGN §3.4): the uplink hands it each request,
 * on its own thread, and publishes what it returns. The desk refuses unknown argument names, runs
 * one {@link LongCommand} (a read, a scan) at a time, bounds every answer's size, and turns every
 * failure into a response.
 *
 * <p>Build one with {@link #builder()}, or with {@link Diagnostics#desk} for the daemon's standard
 * handlers. A command without a handler answers 503.
 */
public final class CommandDesk {

  private static final Logger LOG = LoggerFactory.getLogger(CommandDesk.class);

  /**
   * The most bytes a body may take as JSON: an answer travels as one MQTT message, and a
   * technician's tool shows it at once. Handlers trim their own lists to stay well under it.
   */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<Command, CommandHandler> handlers;
  private final Clock clock;
  private Running running;

  /** The long command under way. */
  private record Running(String what, Instant since) {}

  private CommandDesk(Map<Command, CommandHandler> handlers, Clock clock) {
    this.handlers = new EnumMap<>(Command.class);
    this.handlers.putAll(handlers);
    this.clock = clock;
  }

  /** A desk answering with {@code handlers}; the others answer 503. */
  public CommandDesk(Map<Command, CommandHandler> handlers) {
    this(handlers, Clock.systemUTC());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the handlers of a desk. */
  public static final class Builder {
    private final Map<Command, CommandHandler> handlers = new EnumMap<>(Command.class);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Answers {@code command} with {@code handler}, instead of any earlier one. */
    public Builder handle(Command command, CommandHandler handler) {
      handlers.put(
          Objects.requireNonNull(command, "command"), Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /** Every handler of {@code more}, instead of any earlier one for the same command. */
    public Builder handleAll(Map<Command, CommandHandler> more) {
      more.forEach(this::handle);
      return this;
    }

    /** The clock of the busy answers' "since" (the system's by default). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public CommandDesk build() {
      return new CommandDesk(handlers, clock);
    }
  }

  /** The commands this desk answers. */
  public Set<Command> commands() {
    return Set.copyOf(handlers.keySet());
  }

  /**
   * Never throws: every failure becomes a response (400 bad arguments, 404 unknown meter, bus or
   * key, 500 failed, 503 busy or not available). Blocks while the command runs: a read or a scan
   * takes seconds to minutes.
   *
   * <p>Only the JVM's own errors (out of memory) go through.
   *
   * @param request null is taken as a request without arguments
   */
  public CommandResponse answer(Command command, CommandRequest request) {
    try {
      if (command == null) {
        return error(CommandResponse.BAD_REQUEST, "No command given.");
      }
      CommandRequest checked = request == null ? new CommandRequest(Map.of()) : request;
      CommandHandler handler = handlers.get(command);
      if (handler == null) {
        return error(
            CommandResponse.UNAVAILABLE,
            "Command [" + command.wireName() + "] is not available on this gateway.");
      }
      checkNames(command, handler, checked);
      CommandResponse response =
          handler instanceof LongCommand longCommand
              ? answerLong(longCommand, checked)
              : handler.answer(checked);
      if (response == null) {
        return error(
            CommandResponse.FAILED, "Command [" + command.wireName() + "] gave no answer.");
      }
      return bounded(command, response);
    } catch (CommandException e) {
      return error(e.code(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(CommandResponse.UNAVAILABLE, "The gateway is stopping.");
    } catch (Exception e) {
      String name = command == null ? "?" : command.wireName();
      LOG.warn("command {} failed: {}", name, e.toString(), e);
      return error(CommandResponse.FAILED, "Command [" + name + "] failed: " + e);
    }
  }

  private static void checkNames(Command command, CommandHandler handler, CommandRequest request)
      throws CommandException {
    Set<String> accepted = handler.arguments();
    for (String name : request.args().keySet()) {
      if (!accepted.contains(name)) {
        throw CommandException.badRequest(
            "Unknown argument ["
                + name
                + "] for "
                + command.wireName()
                + (accepted.isEmpty()
                    ? ", which takes no arguments."
                    : "; it accepts: " + String.join(", ", new TreeSet<>(accepted)) + "."));
      }
    }
  }

  private CommandResponse answerLong(LongCommand handler, CommandRequest request) throws Exception {
    String what = handler.describe(request);
    synchronized (this) {
      if (running != null) {
        throw CommandException.unavailable(
            "busy: " + running.what() + " running since " + running.since() + ".");
      }
      running = new Running(what, clock.instant());
    }
    try {
      return handler.answer(request);
    } finally {
      synchronized (this) {
        running = null;
      }
    }
  }

  private static CommandResponse bounded(Command command, CommandResponse response)
      throws JsonProcessingException {
    JsonNode body = response.body();
    int bytes = MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BODY_BYTES) {
      LOG.warn("command {}: an answer of {} bytes was not sent", command.wireName(), bytes);
      return error(
          CommandResponse.FAILED,
          "The answer to ["
              + command.wireName()
              + "] would take "
              + bytes
              + " bytes, more than the "
              + MAX_BODY_BYTES
              + " an answer may.");
    }
    return response;
  }

  /** A response with {@code {"error": message}} as its body. */
  static CommandResponse error(int code, String message) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("error", message);
    return CommandResponse.of(code, body);
  }

  /** A 200 response. */
  static CommandResponse ok(JsonNode body) {
    return CommandResponse.of(CommandResponse.OK, body);
  }
}
