package io.releve.gateway.sim.radio;

import io.releve.gateway.radio.LinkMode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a virtual stick's host has set, and what it counts: the link mode it listens in, whether
 * RSSI, timestamp and CRC are attached to its messages (iM871A), and resets and skipped bytes.
 */
final class StickSettings {
  volatile LinkMode mode;
  volatile boolean rssiAttached = true;
  volatile boolean timestampAttached;
  volatile boolean crcAttached;
  final AtomicLong resets = new AtomicLong();
  final AtomicLong garbageBytes = new AtomicLong();
  final AtomicLong configChanges = new AtomicLong();

  StickSettings(LinkMode mode) {
    this.mode = mode;
  }
}
