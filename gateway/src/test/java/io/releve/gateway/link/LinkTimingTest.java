package io.releve.gateway.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.releve.gateway.transport.SerialByteStream;
import io.releve.gateway.transport.TcpByteStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Timeouts from the line speed. EN 13757-2: 11 bit times a character (8E1), and a slave starts its
 * reply between 11 bit times and 330 bit times + 50 ms after the request.
 */
class LinkTimingTest {

  private static Duration nanos(long nanos) {
    return Duration.ofNanos(nanos);
  }

  @ParameterizedTest(name = "{0} baud: one character takes {1} ns")
  @CsvSource({"300, 36666666", "2400, 4583333", "9600, 1145833"})
  void wireTime_oneCharacter_isElevenBitTimes(int baud, long expectedNanos) {
    assertEquals(nanos(expectedNanos), new LinkTiming(baud, Duration.ZERO).wireTime(1));
  }

  @ParameterizedTest(name = "{0} baud: the largest long frame takes {1} ms")
  @CsvSource({"300, 9570", "2400, 1196.25", "9600, 299.0625"})
  void wireTime_largestLongFrame(int baud, double expectedMillis) {
    Duration wire = new LinkTiming(baud, Duration.ZERO).wireTime(261);
    assertEquals(expectedMillis * 1_000_000, wire.toNanos(), 1.0);
  }

  @ParameterizedTest(name = "{0} baud: reply window after SND_NKE is {1} ms")
  @CsvSource({
    // 5 characters of request (55 bit times) + 330 bit times, + 50 ms
    "300, 1333.333333",
    "2400, 210.416666",
    "9600, 90.104166"
  })
  void replyWindow_isRequestWireTimePlus330BitTimesPlus50Ms(int baud, double expectedMillis) {
    Duration window = new LinkTiming(baud, Duration.ZERO).replyWindow(5);
    assertEquals(expectedMillis * 1_000_000, window.toNanos(), 1.0);
  }

  @Test
  void replyWindow_streamLatency_isAddedOnce() {
    Duration without = new LinkTiming(2400, Duration.ZERO).replyWindow(17);
    Duration withTcp = new LinkTiming(2400, TcpByteStream.LATENCY).replyWindow(17);
    Duration withUsb = new LinkTiming(2400, SerialByteStream.DEFAULT_USB_LATENCY).replyWindow(17);

    assertEquals(Duration.ofMillis(50), withTcp.minus(without));
    assertEquals(Duration.ofMillis(16), withUsb.minus(without));
  }

  @ParameterizedTest(name = "{0} baud, latency {1} ms: inter-byte timeout {2} ms")
  @CsvSource({
    // 33 bit times + latency + 10 ms for scheduling
    "300, 0, 120",
    "2400, 0, 23.75",
    "2400, 16, 39.75",
    "2400, 50, 73.75",
    "9600, 16, 29.4375"
  })
  void interByteTimeout_is33BitTimesPlusLatencyPlusMargin(
      int baud, long latencyMillis, double expectedMillis) {
    Duration timeout = new LinkTiming(baud, Duration.ofMillis(latencyMillis)).interByteTimeout();
    assertEquals(expectedMillis * 1_000_000, timeout.toNanos(), 1.0);
  }

  @Test
  void replyWindow_slowerLine_isLonger() {
    Duration slow = new LinkTiming(300, Duration.ZERO).replyWindow(5);
    Duration fast = new LinkTiming(9600, Duration.ZERO).replyWindow(5);
    assertEquals(1, slow.compareTo(fast));
  }

  @Test
  void new_zeroBaud_isRefusedNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new LinkTiming(0, Duration.ZERO));
    assertEquals("Baud rate [0] must be positive.", e.getMessage());
  }

  @Test
  void new_negativeLatency_isRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new LinkTiming(2400, Duration.ofMillis(-1)));
    assertEquals("Latency [PT-0.001S] must not be negative.", e.getMessage());
  }
}
