package io.releve.gateway.sim.radio;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The request buffering both virtual sticks share: bytes are kept until a request is complete; each
 * byte before a start of frame, and each start of frame whose header a subclass rejects, is counted
 * as garbage and skipped. A subclass checks and answers each complete request, and says how far to
 * move on.
 */
abstract class RequestFraming implements StickProtocol {

  /** What {@link #length} answers for a header that is no valid request's. */
  static final int REJECT = -1;

  private final int startOfFrame;
  private final int header;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  /**
   * @param startOfFrame the byte a request starts with
   * @param header bytes from the start of frame needed for {@link #length}
   */
  RequestFraming(int startOfFrame, int header) {
    this.startOfFrame = startOfFrame;
    this.header = header;
  }

  /** The whole request's length, read from its header at {@code p}; {@link #REJECT} if invalid. */
  abstract int length(byte[] b, int p);

  /**
   * Checks and answers the complete request {@code [p, p + length)}, adding its response if any to
   * {@code responses} and counting what it skips as garbage.
   *
   * @return how many bytes to move on: {@code length}, or fewer to resynchronise inside it
   */
  abstract int take(byte[] b, int p, int length, StickSettings settings, List<byte[]> responses);

  @Override
  public final List<byte[]> accept(byte[] bytes, int n, StickSettings settings) {
    pending.write(bytes, 0, n);
    byte[] b = pending.toByteArray();
    List<byte[]> responses = new ArrayList<>();
    int p = 0;
    while (p < b.length) {
      if ((b[p] & 0xFF) != startOfFrame) {
        settings.garbageBytes.incrementAndGet();
        p++;
        continue;
      }
      if (b.length - p < header) {
        break;
      }
      int length = length(b, p);
      if (length == REJECT) {
        settings.garbageBytes.incrementAndGet();
        p++;
        continue;
      }
      if (b.length - p < length) {
        break;
      }
      p += take(b, p, length, settings, responses);
    }
    pending.reset();
    pending.write(b, p, b.length - p);
    return responses;
  }
}
