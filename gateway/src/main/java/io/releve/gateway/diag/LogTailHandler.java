package io.releve.gateway.diag;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code log-tail}: the daemon's last log lines from its {@link LogRing}, secrets already masked.
 * Arguments: {@code lines} (default {@value #DEFAULT_LINES}, at most {@value #MAX_LINES}), {@code
 * level} the least level shown ({@code trace} to {@code error}; all by default). The oldest lines
 * are left out when the answer would pass {@value #MAX_TEXT_BYTES} bytes of text.
 */
public final class LogTailHandler implements CommandHandler {

  public static final int DEFAULT_LINES = 100;
  public static final int MAX_LINES = 1000;

  /** Room for the lines in an answer, below {@link CommandDesk#MAX_BODY_BYTES}. */
  static final int MAX_TEXT_BYTES = 56 * 1024;

  private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");

  private final LogRing ring;

  /**
   * @param ring null when logging has no ring: the answer is 503
   */
  public LogTailHandler(LogRing ring) {
    this.ring = ring;
  }

  @Override
  public Set<String> arguments() {
    return Set.of("lines", "level");
  }

  @Override
  public CommandResponse answer(CommandRequest request) throws CommandException {
    int count = Args.integer(request, "lines", DEFAULT_LINES, 1, MAX_LINES);
    String level = Args.choice(request, "level", "trace", LEVELS);
    if (ring == null) {
      throw CommandException.unavailable("This gateway's logging keeps no lines in memory.");
    }
    List<LogRing.Line> lines = ring.tail(count, Level.toLevel(level.toUpperCase(Locale.ROOT)));
    // newest first until the room is used up, then back in order
    int first = lines.size();
    int bytes = 0;
    while (first > 0) {
      // a JSON string's quotes, comma, and escapes rarely add more than a few bytes
      int size = lines.get(first - 1).text().getBytes(StandardCharsets.UTF_8).length + 8;
      if (bytes + size > MAX_TEXT_BYTES) {
        break;
      }
      bytes += size;
      first--;
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode text = body.putArray("lines");
    lines.subList(first, lines.size()).forEach(line -> text.add(line.text()));
    body.put("left_out", first);
    return CommandDesk.ok(body);
  }
}
