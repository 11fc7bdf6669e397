package io.releve.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.gateway.link.LinkFrames;
import io.releve.gateway.sim.RequestFramer.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFramerTest {
  private static final long GAP = 1_000_000L;

  private final RequestFramer framer = new RequestFramer(GAP);

  @Test
  void feed_garbageAndAckBeforeFrame_skipsThem() {
    byte[] frame = LinkFrames.shortFrame(LinkFrames.C_SND_NKE, 5);
    byte[] bytes = concat(new byte[] {0x00, (byte) 0xE5, 0x33}, frame);

    List<Request> frames = framer.feed(bytes, bytes.length, 0);

    assertEquals(1, frames.size());
    assertArrayEquals(frame, frames.get(0).bytes());
    assertEquals(3, framer.skipped());
  }

  @Test
  void feed_longFrameInPieces_completesOnLastPiece() {
    byte[] frame = LinkFrames.longFrame(LinkFrames.C_SND_UD, 0xFD, 0x52, new byte[8]);

    List<Request> first = framer.feed(frame, 5, 100);
    List<Request> rest = framer.feed(slice(frame, 5), frame.length - 5, 200);

    assertEquals(0, first.size());
    assertEquals(1, rest.size());
    assertArrayEquals(frame, rest.get(0).bytes());
    assertEquals(100, rest.get(0).firstByteNanos());
  }

  @Test
  void feed_twoFramesInOneRead_returnsBoth() {
    byte[] a = LinkFrames.shortFrame(LinkFrames.C_SND_NKE, 1);
    byte[] b = LinkFrames.shortFrame(LinkFrames.C_REQ_UD2, 1);

    List<Request> frames = framer.feed(concat(a, b), a.length + b.length, 0);

    assertEquals(2, frames.size());
    assertArrayEquals(b, frames.get(1).bytes());
  }

  @Test
  void feed_unfinishedFrameThenSilence_dropsItAndReadsTheNext() {
    byte[] frame = LinkFrames.shortFrame(LinkFrames.C_REQ_UD2, 7);

    framer.feed(frame, 3, 0);
    List<Request> frames = framer.feed(frame, frame.length, 10 * GAP);

    assertEquals(1, frames.size());
    assertArrayEquals(frame, frames.get(0).bytes());
  }

  @Test
  void feed_longStartWithDifferentLFields_resynchronisesOnTheNextStart() {
    byte[] frame = LinkFrames.shortFrame(LinkFrames.C_SND_NKE, 9);
    byte[] bytes = concat(new byte[] {0x68, 0x05, 0x06, 0x68}, frame);

    List<Request> frames = framer.feed(bytes, bytes.length, 0);

    assertEquals(1, frames.size());
    assertArrayEquals(frame, frames.get(0).bytes());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static byte[] slice(byte[] bytes, int from) {
    byte[] rest = new byte[bytes.length - from];
    System.arraycopy(bytes, from, rest, 0, rest.length);
    return rest;
  }
}
