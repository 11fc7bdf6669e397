package io.releve.gateway.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class JournalPriorityConverterTest {

  private static LoggingEvent event(Level level) {
    Logger logger = new LoggerContext().getLogger("io.releve.gateway.daemon.BusPoller");
    return new LoggingEvent(Logger.class.getName(), logger, level, "m", null, null);
  }

  @Test
  void priority_ofEachLevel_isItsSyslogPriority() {
    assertEquals(3, JournalPriorityConverter.priority(Level.ERROR));
    assertEquals(4, JournalPriorityConverter.priority(Level.WARN));
    assertEquals(6, JournalPriorityConverter.priority(Level.INFO));
    assertEquals(7, JournalPriorityConverter.priority(Level.DEBUG));
    assertEquals(7, JournalPriorityConverter.priority(Level.TRACE));
  }

  @Test
  void transform_prefixesEveryLine_includingTheLastWithoutNewline() {
    JournalPriorityConverter converter = new JournalPriorityConverter();

    assertEquals(
        "<4>bus a: lost\n<4>  at x\n<4>tail",
        converter.transform(event(Level.WARN), "bus a: lost\n  at x\ntail"));
    assertEquals("<6>one\n", converter.transform(event(Level.INFO), "one\n"));
    assertEquals("", converter.transform(event(Level.ERROR), ""));
  }
}
