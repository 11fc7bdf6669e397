package io.releve.gateway.radio;

/**
 * The buffering and resynchronisation both stick parsers share: bytes are kept until a message is
 * complete; bytes before a start of frame are skipped; a message a subclass rejects is skipped one
 * byte at a time, the search resuming one byte after its start of frame. Every byte skipped in one
 * {@link #feed} is reported once as garbage.
 */
abstract class ResyncingParser implements StickProtocol.StickParser {

  /** What {@link #end} answers for a header that is no valid message's. */
  static final int REJECT = -1;

  private final int startOfFrame;
  private final int shortestHeader;
  private final byte[] pending;
  private int size;

  /**
   * @param startOfFrame the byte a message starts with
   * @param shortestHeader bytes from the start of frame needed for {@link #end}
   * @param longest the longest message, in bytes
   */
  ResyncingParser(int startOfFrame, int shortestHeader, int longest) {
    this.startOfFrame = startOfFrame;
    this.shortestHeader = shortestHeader;
    this.pending = new byte[longest + 512];
  }

  /**
   * Where the message starting at {@code start} ends (exclusive), read from its header; {@link
   * #REJECT} when the header is invalid. At least {@code shortestHeader} bytes are there.
   */
  abstract int end(byte[] buffer, int start);

  /** Whether the complete message {@code [start, end)} passes its checksum. */
  abstract boolean intact(byte[] buffer, int start, int end);

  /**
   * Reports the complete, intact message {@code [start, end)} to {@code sink}; returns the bytes
   * skipped instead when it carries nothing deliverable, else 0.
   */
  abstract int deliver(byte[] buffer, int start, int end, StickProtocol.StickSink sink);

  @Override
  public final void feed(byte[] bytes, int length, StickProtocol.StickSink sink) {
    int skipped = 0;
    int at = 0;
    while (at < length) {
      int n = Math.min(length - at, pending.length - size);
      System.arraycopy(bytes, at, pending, size, n);
      size += n;
      at += n;
      skipped += frame(sink);
    }
    if (skipped > 0) {
      sink.garbage(skipped);
    }
  }

  /** Takes every complete message out of {@link #pending}; returns the bytes skipped. */
  private int frame(StickProtocol.StickSink sink) {
    int skipped = 0;
    int start = 0;
    while (true) {
      while (start < size && (pending[start] & 0xFF) != startOfFrame) {
        start++;
        skipped++;
      }
      if (size - start < shortestHeader) {
        break;
      }
      int end = end(pending, start);
      if (end == REJECT) {
        start++;
        skipped++;
        continue;
      }
      if (end > size) {
        break;
      }
      if (!intact(pending, start, end)) {
        start++;
        skipped++;
        continue;
      }
      skipped += deliver(pending, start, end, sink);
      start = end;
    }
    System.arraycopy(pending, start, pending, 0, size - start);
    size -= start;
    return skipped;
  }
}
