package io.releve.portal.notify;

import java.util.ArrayList;
import java.util.List;

/** A real {@link SmsSender} for tests: keeps every message it is given, in order. */
final class RecordingSms implements SmsSender {

  private final List<Sms> sent = new ArrayList<>();

  @Override
  public synchronized void send(Sms sms) {
    sent.add(sms);
  }

  /** The messages sent so far. */
  synchronized List<Sms> sent() {
    return List.copyOf(sent);
  }
}
