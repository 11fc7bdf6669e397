package io.releve.gateway.diag;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * A logback appender that keeps the daemon's last log lines in memory, for the {@code log-tail}
 * command: at most {@link #CAPACITY} lines of at most {@link #MAX_LINE_CHARS} characters, so about
 * a megabyte at worst. Secrets are masked ({@link SecretMask}) before a line is kept.
 *
 * <p>Registered in {@code logback.xml}, so every run of the gateway has one; {@link #installed()}
 * finds it. Thread-safe: loggers append from any thread while a command reads.
 */
public final class LogRing extends AppenderBase<ILoggingEvent> {

  /** Lines kept: a day of a quiet daemon, an hour of a troubled one. */
  public static final int CAPACITY = 2_000;

  /** A longer line (a stack of causes) is cut: the start says what happened. */
  public static final int MAX_LINE_CHARS = 1_000;

  private final Deque<Line> lines = new ArrayDeque<>();
  private final int capacity;
  private long dropped;

  /** One line kept, with its level to filter on. */
  public record Line(Instant at, Level level, String text) {}

  public LogRing() {
    this(CAPACITY);
  }

  /** A ring of {@code capacity} lines, for tests. */
  public LogRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("Capacity [" + capacity + "] must be at least 1.");
    }
    this.capacity = capacity;
  }

  /**
   * The started ring of the logging context SLF4J hands out, or null when its configuration has
   * none. Looked up there rather than kept aside, so that another context loading a configuration
   * (a test of one) never takes its place.
   */
  public static LogRing installed() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return null;
    }
    for (Logger logger : context.getLoggerList()) {
      for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
        if (it.next() instanceof LogRing ring && ring.isStarted()) {
          return ring;
        }
      }
    }
    return null;
  }

  @Override
  protected void append(ILoggingEvent event) {
    add(Instant.ofEpochMilli(event.getTimeStamp()), event.getLevel(), format(event));
  }

  /** Keeps one line, masked and cut to {@link #MAX_LINE_CHARS}. */
  public void add(Instant at, Level level, String text) {
    String masked = SecretMask.mask(text);
    if (masked.length() > MAX_LINE_CHARS) {
      masked = masked.substring(0, MAX_LINE_CHARS - 1) + "…";
    }
    synchronized (lines) {
      if (lines.size() == capacity) {
        lines.removeFirst();
        dropped++;
      }
      lines.addLast(new Line(at, level, masked));
    }
  }

  /** The last {@code count} lines of at least {@code minimum} level, oldest first. */
  public List<Line> tail(int count, Level minimum) {
    List<Line> tail = new ArrayList<>();
    synchronized (lines) {
      var it = lines.descendingIterator();
      while (it.hasNext() && tail.size() < count) {
        Line line = it.next();
        if (line.level().isGreaterOrEqual(minimum)) {
          tail.add(line);
        }
      }
    }
    java.util.Collections.reverse(tail);
    return tail;
  }

  /** Lines pushed out by newer ones since the start. */
  public long dropped() {
    synchronized (lines) {
      return dropped;
    }
  }

  private static String format(ILoggingEvent event) {
    String logger = event.getLoggerName();
    StringBuilder line =
        new StringBuilder()
            .append(Instant.ofEpochMilli(event.getTimeStamp()))
            .append(' ')
            .append(event.getLevel())
            .append(' ')
            .append(logger.substring(logger.lastIndexOf('.') + 1))
            .append(" - ")
            .append(event.getFormattedMessage());
    for (IThrowableProxy cause = event.getThrowableProxy();
        cause != null && line.length() < MAX_LINE_CHARS;
        cause = cause.getCause()) {
      line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
    }
    return line.toString();
  }
}
