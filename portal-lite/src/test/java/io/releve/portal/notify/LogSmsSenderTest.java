package io.releve.portal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogSmsSenderTest {

  @Test
  void send_logsTheTextWithTheNumberMaskedButTheLastTwoDigits() {
    Logger logger = (Logger) LoggerFactory.getLogger(LogSmsSender.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.INFO);
    try {
      new LogSmsSender().send(new Sms("+33612345678", "Relevé : nouveau document."));
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(null);
    }

    assertEquals(
        List.of("SMS to ••••••••••78: Relevé : nouveau document."),
        appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
  }
}
