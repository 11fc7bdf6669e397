package io.releve.portal.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sender ({@code portal.sms.sender = log}): writes each message to the log instead of
 * sending it, the recipient masked but for the last two digits. For a demo, and until a provider is
 * chosen.
 */
public final class LogSmsSender implements SmsSender {

  private static final Logger log = LoggerFactory.getLogger(LogSmsSender.class);

  @Override
  public void send(Sms sms) {
    log.info("SMS to {}: {}", sms.maskedTo(), sms.text());
  }
}
