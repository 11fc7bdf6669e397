package io.releve.gateway.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * {@code %journal(…)} in a logback pattern: prefixes every line of what it wraps with the event's
 * syslog priority as {@code <N>}, the prefix systemd reads on a service's stdout and stderr ({@code
 * SyslogLevelPrefix=}, on by default) to file each line in the journal at that priority, so that
 * {@code journalctl -p warning} finds the warnings. Every line of a stack trace gets the prefix
 * too: the journal stores each line as an entry of its own.
 *
 * <p>Registered in {@code config/logback.xml} with {@code <conversionRule conversionWord="journal"
 * class="io.releve.gateway.logging.JournalPriorityConverter"/>}.
 */
public final class JournalPriorityConverter extends CompositeConverter<ILoggingEvent> {

  /** syslog(3) priorities: LOG_ERR, LOG_WARNING, LOG_INFO, LOG_DEBUG. */
  static final int ERR = 3;

  static final int WARNING = 4;
  static final int INFO = 6;
  static final int DEBUG = 7;

  /** The syslog priority of a logback level; TRACE has none finer than debug. */
  static int priority(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> ERR;
      case Level.WARN_INT -> WARNING;
      case Level.INFO_INT -> INFO;
      default -> DEBUG;
    };
  }

  @Override
  protected String transform(ILoggingEvent event, String in) {
    String prefix = "<" + priority(event.getLevel()) + ">";
    StringBuilder out = new StringBuilder(in.length() + 8);
    int start = 0;
    while (start < in.length()) {
      int end = in.indexOf('\n', start);
      int next = end < 0 ? in.length() : end + 1;
      out.append(prefix).append(in, start, next);
      start = next;
    }
    return out.toString();
  }
}
