package io.releve.gateway.config;

import java.nio.file.Path;

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
 */
public record BusConfig(
    String name, Transport transport, Path device, String host, int port, int baud) {

  /** How the gateway reaches the bus. */
  public enum Transport {
    SERIAL,
    TCP
  }
}
