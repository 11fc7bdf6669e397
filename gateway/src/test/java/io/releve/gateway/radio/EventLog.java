package io.releve.gateway.radio;

import java.util.Collection;

/**
 * What a receiver told of itself, as lines a test compares: {@code lost R: reason}, {@code
 * recovered R}, {@code garbage R: bytes}.
 */
final class EventLog implements RadioReceiver.ReceiverEvents {

  private final Collection<String> lines;

  EventLog(Collection<String> lines) {
    this.lines = lines;
  }

  @Override
  public void lost(String receiver, String reason) {
    lines.add("lost " + receiver + ": " + reason);
  }

  @Override
  public void recovered(String receiver) {
    lines.add("recovered " + receiver);
  }

  @Override
  public void garbage(String receiver, int bytes) {
    lines.add("garbage " + receiver + ": " + bytes);
  }
}
