package io.releve.gateway.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One wired M-Bus line: a level converter on a serial port, or a transparent serial server over
 * TCP.
 *
 * @param name the bus name used in logs, readings and keys ({@code bus.NAME.…})
 * @param transport serial or tcp
 * @param device for serial: the port, named by {@code /dev/serial/by-id/…} so it survives replugs
 * @param host for tcp: the serial server's host name or address
 * @param port for tcp: its port
 * @param baud 300, 2400 or 9600 (EN 13757-2 rates a level converter usually supports)
 * @param pollInterval time between the starts of two poll cycles of this bus
 * @param retries attempts after the first when a meter does not answer or answers garbled
 * @param maxTelegrams the most RSP_UD telegrams read from one meter in a cycle ("more records
 *     follow" is not followed further)
 */
public record BusConfig(
    String name,
    Transport transport,
    Path device,
    String host,
    int port,
    int baud,
    Duration pollInterval,
    int retries,
    int maxTelegrams) {

  /** Where it is, for logs: the serial port or {@code host:port}. */
  public String where() {
    return transport == Transport.SERIAL ? device.toString() : host + ":" + port;
  }

  /** How the gateway reaches the bus. */
  public enum Transport {
    SERIAL,
    TCP
  }
}
