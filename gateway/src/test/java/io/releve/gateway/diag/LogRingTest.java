package io.releve.gateway.diag;

import static io.releve.gateway.diag.GatewayUnderTest.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.releve.contract.Command;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LogRingTest {

  private static final String KEY = "0123456789ABCDEF0123456789abcdef";

  /** A ring attached to a logger of logback's real context, as logback.xml attaches it. */
  private static LogRing attached(String loggerName, int capacity) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LogRing ring = new LogRing(capacity);
    ring.setContext(context);
    ring.start();
    Logger logger = context.getLogger(loggerName);
    logger.setLevel(Level.DEBUG);
    logger.addAppender(ring);
    return ring;
  }

  private static CommandResponse tail(LogRing ring, Map<String, String> args) {
    return new CommandDesk(Map.of(Command.LOG_TAIL, new LogTailHandler(ring)))
        .answer(Command.LOG_TAIL, new CommandRequest(args));
  }

  private static List<String> lines(CommandResponse response) {
    List<String> lines = new ArrayList<>();
    for (JsonNode line : response.body().get("lines")) {
      lines.add(line.asText());
    }
    return lines;
  }

  @Test
  void append_aLineWithAKeyAndAPassword_keepsThemMasked() {
    LogRing ring = attached("test.ring.mask", 10);
    org.slf4j.Logger log = LoggerFactory.getLogger("test.ring.mask");

    log.warn("keys set {} for meter SEN-12345601-68-16", KEY);
    log.warn("connecting with password={} token: \"a b\" to broker", "hunter2");
    log.error("failed", new IllegalStateException("secret=xyz in " + KEY));

    List<String> lines = lines(tail(ring, Map.of()));
    assertEquals(3, lines.size());
    assertTrue(
        lines.get(0).endsWith("WARN mask - keys set [key masked] for meter SEN-12345601-68-16"));
    assertTrue(lines.get(1).endsWith("connecting with password=*** token: *** to broker"));
    assertTrue(
        lines
            .get(2)
            .endsWith(
                "ERROR mask - failed | java.lang.IllegalStateException: secret=*** in [key masked]"));
    String all = String.join("\n", lines);
    assertFalse(all.contains("hunter2"));
    assertFalse(all.contains(KEY));
    assertFalse(all.toLowerCase().contains(KEY.toLowerCase()));
  }

  @Test
  void installed_byTheGatewaysLoggingConfiguration_keepsItsInfoLinesMasked() {
    LoggerFactory.getLogger("io.releve.gateway.diag.test").info("stick set with key {}", KEY);

    LogRing ring = LogRing.installed();
    List<LogRing.Line> last = ring.tail(1, Level.INFO);
    assertEquals(1, last.size());
    assertTrue(last.get(0).text().endsWith("INFO test - stick set with key [key masked]"));
  }

  @Test
  void mask_aTelegramsLongerHex_isNotTakenForAKey() {
    String telegram = "2C44A7320613996707047A821000202F2F0C06000000000C14";

    assertEquals("frame " + telegram, SecretMask.mask("frame " + telegram));
    assertEquals(
        "mqtt.password-file = /etc/releve/mqtt-password",
        SecretMask.mask("mqtt.password-file = /etc/releve/mqtt-password"));
  }

  @Test
  void add_pastItsCapacity_keepsTheNewestLines() {
    LogRing ring = new LogRing(3);
    IntStream.rangeClosed(1, 5).forEach(i -> ring.add(Instant.now(), Level.INFO, "line " + i));

    assertEquals(List.of("line 3", "line 4", "line 5"), lines(tail(ring, Map.of())));
    assertEquals(2, ring.dropped());
  }

  @Test
  void tail_linesAndLevel_giveTheLastLinesOfAtLeastThatLevel() {
    LogRing ring = new LogRing(100);
    ring.add(Instant.now(), Level.INFO, "cycle 1");
    ring.add(Instant.now(), Level.WARN, "meter silent");
    ring.add(Instant.now(), Level.INFO, "cycle 2");
    ring.add(Instant.now(), Level.ERROR, "cannot store");

    assertEquals(
        List.of("meter silent", "cannot store"), lines(tail(ring, Map.of("level", "WARN"))));
    assertEquals(List.of("cannot store"), lines(tail(ring, Map.of("lines", "1"))));
  }

  @Test
  void tail_badArguments_sayWhatIsExpected() {
    LogRing ring = new LogRing(10);

    CommandResponse lines = tail(ring, Map.of("lines", "5000"));
    CommandResponse level = tail(ring, Map.of("level", "loud"));

    assertEquals(400, lines.code());
    assertEquals(
        "Argument [lines] must be a whole number between 1 and 1000, found [5000].", error(lines));
    assertEquals(400, level.code());
    assertEquals(
        "Argument [level] must be one of trace, debug, info, warn, error, found [loud].",
        error(level));
  }

  @Test
  void tail_longLines_staysUnderTheAnswerLimitLeavingTheOldestOut() {
    LogRing ring = new LogRing(1000);
    IntStream.range(0, 1000)
        .forEach(i -> ring.add(Instant.now(), Level.INFO, i + " " + "y".repeat(900)));

    CommandResponse response = tail(ring, Map.of("lines", "1000"));

    assertEquals(200, response.code());
    List<String> lines = lines(response);
    assertTrue(lines.size() < 100, "" + lines.size());
    assertTrue(lines.get(lines.size() - 1).startsWith("999 "));
    assertEquals(1000 - lines.size(), response.body().get("left_out").asInt());
  }

  @Test
  void tail_withoutARing_isNotAvailable() {
    CommandResponse response = tail(null, Map.of());

    assertEquals(503, response.code());
    assertEquals("This gateway's logging keeps no lines in memory.", error(response));
  }
}
