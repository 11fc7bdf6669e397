package io.releve.contract;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The technicians' commands a gateway answers (DESIGN §3.4): a fixed allow-list, each named in its
 * topics {@code cmd/{name}/req/{id}} and {@code cmd/{name}/res/{id}}. There is no shell and no
 * command outside this list; a new command is an additive change. Arguments travel in {@link
 * CommandRequest#args()}, answers in {@link CommandResponse}.
 */
public enum Command {
  /** Answers at once: is the gateway there. */
  PING,
  /** The gateway's health: buses, radio receivers, clock, disk, outbox. */
  STATUS,
  /** Reads one meter now: argument {@code meter}, a device key such as LUG-12345678-0A-07. */
  READ,
  /** Scans a bus for its meters. */
  SCAN,
  /** The last lines of the gateway's log. */
  LOG_TAIL,
  /** The outbox: rows waiting for an acknowledgement, the oldest of them, the last ack. */
  QUEUE,
  /** The gateway's configuration, with secrets left out. */
  CONFIG_GET;

  /** The name in topics: {@code ping}, {@code log-tail}, {@code config-get}… */
  @JsonValue
  public String wireName() {
    return Wire.name(this);
  }

  /**
   * The command named {@code name} in a topic.
   *
   * @throws ContractException when it is not on the allow-list, naming it and the list
   */
  public static Command fromWireName(String name) {
    return Wire.parse("Command", name, values());
  }
}
