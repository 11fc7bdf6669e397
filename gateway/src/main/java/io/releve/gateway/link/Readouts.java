package io.releve.gateway.link;

import io.releve.gateway.link.LinkException.Kind;
import io.releve.gateway.link.ReplyReader.Reply;
import io.releve.gateway.link.ReplyReader.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The REQ_UD2 / RSP_UD loop of one readout (EN 13757-2/-3): each telegram retried with the same FCB
 * until a good reply, the FCB toggled after it, and another REQ_UD2 while the telegram ends with
 * "more records follow", up to the telegram cap.
 */
final class Readouts {
  private final ReplyReader reader;
  private final FrameCountBits frameCountBits;
  private final LinkCounters counters;
  private final int maxTelegrams;

  Readouts(
      ReplyReader reader, FrameCountBits frameCountBits, LinkCounters counters, int maxTelegrams) {
    this.reader = reader;
    this.frameCountBits = frameCountBits;
    this.counters = counters;
    this.maxTelegrams = maxTelegrams;
  }

  /**
   * Reads every telegram of the meter at {@code address}.
   *
   * @param expected for 0xFD, what each long header must match; null for a primary address, whose
   *     replies must carry that address in their A field
   * @param first a telegram already read and accepted (FCB toggled), or null
   * @param retries further attempts per telegram
   */
  Readout read(int address, Predicate<SecondaryAddress> expected, byte[] first, int retries)
      throws IOException {
    List<byte[]> telegrams = new ArrayList<>();
    byte[] telegram = first != null ? first : requestUserData(address, expected, retries);
    while (true) {
      telegrams.add(telegram);
      boolean more = MoreRecords.follow(telegram);
      if (!more || telegrams.size() >= maxTelegrams) {
        return new Readout(LinkFrames.address(telegrams.get(0)), telegrams, more);
      }
      telegram = requestUserData(address, expected, retries);
    }
  }

  /** The next REQ_UD2 to {@code address}, with the FCB as tracked. */
  byte[] reqUd2(int address) {
    return LinkFrames.shortFrame(frameCountBits.reqUd2Control(address), address);
  }

  /** Counts a failed attempt. */
  void count(Kind kind) {
    switch (kind) {
      case NO_REPLY -> counters.countTimeout();
      case BAD_FRAME -> counters.countBadFrame();
      case WRONG_ADDRESS -> counters.countWrongAddress();
      case COLLISION -> counters.countCollision();
    }
  }

  /** What is wrong with {@code reply} to a REQ_UD2, or null when it is the RSP_UD asked for. */
  static Kind judge(Reply reply, int address, Predicate<SecondaryAddress> expected) {
    if (reply.status() == Status.NOTHING) {
      return Kind.NO_REPLY;
    }
    byte[] frame = reply.bytes();
    if (reply.status() != Status.FRAME
        || (frame[0] & 0xFF) != LinkFrames.LONG_START
        || (LinkFrames.control(frame) & LinkFrames.C_RSP_FUNCTION_MASK) != LinkFrames.C_RSP_UD) {
      return Kind.BAD_FRAME;
    }
    if (address == LinkFrames.ADDRESS_NETWORK_LAYER && expected != null) {
      SecondaryAddress header = LongHeaders.secondaryAddress(frame);
      return header != null && expected.test(header) ? null : Kind.WRONG_ADDRESS;
    }
    return LinkFrames.address(frame) == address ? null : Kind.WRONG_ADDRESS;
  }

  /** One REQ_UD2 with its retries; toggles the FCB after the good reply it returns. */
  private byte[] requestUserData(int address, Predicate<SecondaryAddress> expected, int retries)
      throws IOException {
    Reply reply = null;
    Kind kind = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        counters.countRetry();
      }
      reply = reader.exchange(reqUd2(address), false);
      kind = judge(reply, address, expected);
      if (kind == null) {
        frameCountBits.toggle(address);
        return reply.bytes();
      }
      count(kind);
    }
    throw LinkException.after(
        kind, "REQ_UD2", address, reader.describe(), retries + 1, reply, "an RSP_UD");
  }
}
