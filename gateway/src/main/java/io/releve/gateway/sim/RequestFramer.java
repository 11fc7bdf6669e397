package io.releve.gateway.sim;

import io.releve.gateway.link.LinkFrames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the master's bytes into frames, as a slave's UART and link layer do: a short frame {@code 10
 * …}, a long frame {@code 68 L L 68 …}. A lone E5 (no master sends one) and bytes that start no
 * frame are skipped; a frame left unfinished for longer than {@code gapNanos} is dropped, so noise
 * does not swallow the next request (EN 60870-5-1 FT 1.2: the characters of a frame follow without
 * gaps). The frames are handed on whatever their checksum: the slaves ignore bad ones.
 */
final class RequestFramer {

  /** A frame and when its first byte reached us ({@link System#nanoTime}). */
  record Request(byte[] bytes, long firstByteNanos) {}

  /** Room for two of the longest frames (261 bytes). */
  private static final int CAPACITY = 2 * (LinkFrames.MAX_L + LinkFrames.LONG_OVERHEAD);

  private final long gapNanos;
  private final byte[] buffer = new byte[CAPACITY];
  private int have;
  private long firstNanos;
  private long lastNanos;
  private long skipped;

  RequestFramer(long gapNanos) {
    this.gapNanos = gapNanos;
  }

  /** Room left for the next read. */
  int room() {
    return buffer.length - have;
  }

  /** Bytes skipped so far because they started no frame. */
  long skipped() {
    return skipped;
  }

  /** Takes {@code length} bytes that arrived at {@code nowNanos}; returns the frames completed. */
  List<Request> feed(byte[] bytes, int length, long nowNanos) {
    if (have > 0 && nowNanos - lastNanos > gapNanos) {
      skipped += have; // the rest of that frame never came
      have = 0;
    }
    if (have == 0) {
      firstNanos = nowNanos;
    }
    lastNanos = nowNanos;
    List<Request> frames = new ArrayList<>();
    int offset = 0;
    while (offset < length) {
      int n = Math.min(room(), length - offset);
      System.arraycopy(bytes, offset, buffer, have, n);
      have += n;
      offset += n;
      cut(frames, nowNanos);
    }
    return frames;
  }

  private void cut(List<Request> frames, long nowNanos) {
    while (have > 0) {
      int start = buffer[0] & 0xFF;
      if (start != LinkFrames.SHORT_START && start != LinkFrames.LONG_START) {
        drop(1); // an E5, or noise
        continue;
      }
      int length;
      try {
        length = LinkFrames.frameLength(buffer, have);
      } catch (IllegalArgumentException e) {
        drop(1); // a 68 that starts no long frame: look for the next start byte
        continue;
      }
      if (length == 0 || have < length) {
        if (have == buffer.length) {
          drop(1); // cannot happen with valid L fields; never wedge the line
          continue;
        }
        return;
      }
      frames.add(new Request(Arrays.copyOf(buffer, length), firstNanos));
      shift(length);
      firstNanos = nowNanos;
    }
  }

  private void drop(int n) {
    skipped += n;
    shift(n);
  }

  private void shift(int n) {
    System.arraycopy(buffer, n, buffer, 0, have - n);
    have -= n;
  }
}
