package io.releve.gateway.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import io.releve.gateway.diag.LogRing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped logging configurations, {@code config/logback.xml} (the journal) and {@code
 * config/logback-file.xml} (rotated files), loaded by logback as the daemon loads them, each in a
 * context of its own.
 */
class LogbackConfigurationsTest {

  static final Path JOURNAL = Path.of("..", "config", "logback.xml");
  static final Path FILES = Path.of("..", "config", "logback-file.xml");

  @TempDir Path folder;

  private static LoggerContext load(Path file, String logDir) throws Exception {
    LoggerContext context = new LoggerContext();
    // what SLF4J's binding gives the context it configures at startup
    context.setMDCAdapter(new LogbackMDCAdapter());
    if (logDir != null) {
      context.putProperty("RELEVE_LOG_DIR", logDir);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(file.toFile());
    context.start();
    return context;
  }

  private static void assertLoadedCleanly(LoggerContext context, Path file) {
    StatusUtil statuses = new StatusUtil(context);
    assertTrue(
        statuses.getHighestLevel(0) < Status.WARN,
        file + ": " + context.getStatusManager().getCopyOfStatusList());
  }

  private static String encode(LoggerContext context, String appender, ILoggingEvent event) {
    OutputStreamAppender<ILoggingEvent> output =
        (OutputStreamAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(appender);
    return new String(output.getEncoder().encode(event), StandardCharsets.UTF_8);
  }

  private static LoggingEvent event(
      LoggerContext context, Level level, String message, Throwable thrown) {
    Logger logger = context.getLogger("io.releve.gateway.uplink.Uplink");
    return new LoggingEvent(Logger.class.getName(), logger, level, message, thrown, null);
  }

  @Test
  void journal_loadsWithoutWarnings_gatewayAtInfoLibrariesAtWarn_andKeepsTheLogRing()
      throws Exception {
    LoggerContext context = load(JOURNAL, null);

    assertLoadedCleanly(context, JOURNAL);
    assertEquals(Level.INFO, context.getLogger("io.releve").getLevel());
    assertEquals(Level.WARN, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
    assertTrue(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("RING") instanceof LogRing);
    context.stop();
  }

  @Test
  void journal_lineStartsWithItsPriority_andHasNoTimestamp() throws Exception {
    LoggerContext context = load(JOURNAL, null);

    String warning =
        encode(context, "JOURNAL", event(context, Level.WARN, "uplink: no ack within 30 s", null));
    String info = encode(context, "JOURNAL", event(context, Level.INFO, "uplink: connected", null));

    assertEquals("<4>WARN  i.r.g.uplink.Uplink - uplink: no ack within 30 s\n", warning);
    assertEquals("<6>INFO  i.r.g.uplink.Uplink - uplink: connected\n", info);
    context.stop();
  }

  @Test
  void journal_everyLineOfAStackTrace_carriesTheErrorPriority() throws Exception {
    LoggerContext context = load(JOURNAL, null);
    IOException failure = new IOException("disk full");

    String text = encode(context, "JOURNAL", event(context, Level.ERROR, "cannot store", failure));

    List<String> lines = text.lines().toList();
    assertEquals("<3>ERROR i.r.g.uplink.Uplink - cannot store", lines.get(0));
    assertEquals("<3>java.io.IOException: disk full", lines.get(1));
    assertTrue(lines.size() > 2, text);
    for (String line : lines) {
      assertTrue(line.startsWith("<3>"), line);
    }
    assertTrue(text.endsWith("\n"), text);
    context.stop();
  }

  @Test
  void files_loadWithoutWarnings_andWriteIntoTheLogFolder() throws Exception {
    Path logs = folder.resolve("logs");
    LoggerContext context = load(FILES, logs.toString());

    assertLoadedCleanly(context, FILES);
    context.getLogger("io.releve.gateway.uplink.Uplink").info("uplink: connected");
    context.getLogger("org.eclipse.paho").info("library chatter, below its level");
    assertLoadedCleanly(context, FILES);
    context.stop();

    List<String> lines = Files.readAllLines(logs.resolve("releve.log"));
    assertEquals(1, lines.size(), "" + lines);
    // 2026-03-10 14:00:00.123+01:00 INFO  [main] i.r.g.uplink.Uplink - uplink: connected
    assertTrue(
        lines
            .get(0)
            .matches(
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO "
                    + " \\[[^]]+] i\\.r\\.g\\.uplink\\.Uplink - uplink: connected"),
        lines.get(0));
  }
}
