package io.releve.gateway.daemon;

import java.util.Objects;

/**
 * Whether the daemon is really working, for systemd's watchdog: healthy while every bus's polling
 * thread is alive and its loop has moved on within its bound ({@link Daemon#health()}).
 *
 * @param healthy whether the watchdog may be pinged
 * @param status one short line for {@code systemctl status}: what is polled, or what is wrong
 */
public record DaemonHealth(boolean healthy, String status) {
  public DaemonHealth {
    Objects.requireNonNull(status, "status");
  }
}
