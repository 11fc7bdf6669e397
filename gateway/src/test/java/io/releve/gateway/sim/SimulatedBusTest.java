package io.releve.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.link.LinkFrames;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The slaves' link layer and the shared medium, without a line: requests in, bytes out. */
class SimulatedBusTest {
  private static final byte[] ACK = {(byte) LinkFrames.ACK};
  private static final int REQ_UD2_FCB_SET = LinkFrames.C_REQ_UD2 | LinkFrames.FCB;

  private static SimulatedBus bus(VirtualSlave... slaves) {
    return new SimulatedBus("test", BusTiming.minimumDelay(2400), List.of(slaves));
  }

  private static byte[] sndNke(int address) {
    return LinkFrames.shortFrame(LinkFrames.C_SND_NKE, address);
  }

  private static byte[] reqUd2(int control, int address) {
    return LinkFrames.shortFrame(control, address);
  }

  private static byte[] select(byte[] mask) {
    return LinkFrames.longFrame(
        LinkFrames.C_SND_UD, LinkFrames.ADDRESS_NETWORK_LAYER, LinkFrames.CI_SELECT, mask);
  }

  /**
   * The 8 bytes of a select by id (F = any digit), any manufacturer, version and medium; built by
   * hand from EN 13757-3 §5 rather than with the master's own mask class.
   */
  static byte[] idMask(String id) {
    return mask(id, 0xFFFF, 0xFF, 0xFF);
  }

  static byte[] mask(String id, int manufacturer, int version, int medium) {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 4; i++) {
      bytes[i] = (byte) Integer.parseInt(id.substring(6 - 2 * i, 8 - 2 * i), 16);
    }
    bytes[4] = (byte) manufacturer;
    bytes[5] = (byte) (manufacturer >> 8);
    bytes[6] = (byte) version;
    bytes[7] = (byte) medium;
    return bytes;
  }

  @Test
  void exchange_sndNkeToItsAddress_answersAck() {
    SimulatedBus bus = bus(new VirtualSlave(TestMeter.single("12345678"), 5));

    assertArrayEquals(ACK, bus.exchange(sndNke(5)));
    assertEquals(0, bus.exchange(sndNke(6)).length);
  }

  @Test
  void exchange_reqUd2_answersRspUdWithItsAddressAndTheMeterData() {
    TestMeter meter = TestMeter.single("12345678");
    SimulatedBus bus = bus(new VirtualSlave(meter, 5));
    bus.exchange(sndNke(5));

    byte[] reply = bus.exchange(reqUd2(REQ_UD2_FCB_SET, 5));

    assertEquals(null, LinkFrames.checkComplete(reply));
    assertEquals(LinkFrames.C_RSP_UD, LinkFrames.control(reply));
    assertEquals(5, LinkFrames.address(reply));
    assertEquals(TestMeter.CI_LONG_HEADER, LinkFrames.ci(reply));
    assertArrayEquals(
        meter.address().toBytes(), java.util.Arrays.copyOfRange(reply, 7, 7 + 8), "long header");
    assertEquals(1234, TestMeter.litres(reply));
  }

  @Test
  void exchange_reqUd2WithSameFcb_repeatsTheTelegram() {
    TestMeter meter = new TestMeter("12345678", 3, 100);
    SimulatedBus bus = bus(new VirtualSlave(meter, 5));
    bus.exchange(sndNke(5));

    byte[] first = bus.exchange(reqUd2(REQ_UD2_FCB_SET, 5));
    byte[] again = bus.exchange(reqUd2(REQ_UD2_FCB_SET, 5));

    assertArrayEquals(first, again);
    assertEquals(1, meter.readouts());
  }

  @Test
  void exchange_reqUd2WithToggledFcb_sendsNextTelegramThenStartsANewReadout() {
    TestMeter meter = new TestMeter("12345678", 2, 100);
    SimulatedBus bus = bus(new VirtualSlave(meter, 5));
    bus.exchange(sndNke(5));

    byte[] first = bus.exchange(reqUd2(REQ_UD2_FCB_SET, 5));
    byte[] second = bus.exchange(reqUd2(LinkFrames.C_REQ_UD2, 5));
    byte[] third = bus.exchange(reqUd2(REQ_UD2_FCB_SET, 5));

    assertEquals(100, TestMeter.litres(first));
    assertEquals(101, TestMeter.litres(second));
    assertEquals(100, TestMeter.litres(third));
    assertEquals(2, meter.readouts());
  }

  @Test
  void exchange_sndNkeInTheMiddleOfAReadout_restartsIt() {
    TestMeter meter = new TestMeter("12345678", 3, 100);
    SimulatedBus bus = bus(new VirtualSlave(meter, 5));
    bus.exchange(sndNke(5));
    bus.exchange(reqUd2(REQ_UD2_FCB_SET, 5));
    bus.exchange(reqUd2(LinkFrames.C_REQ_UD2, 5));

    bus.exchange(sndNke(5));
    byte[] afterReset = bus.exchange(reqUd2(LinkFrames.C_REQ_UD2, 5));

    assertEquals(100, TestMeter.litres(afterReset), "first telegram whatever the FCB");
  }

  @Test
  void exchange_badChecksum_getsNoReply() {
    SimulatedBus bus = bus(new VirtualSlave(TestMeter.single("12345678"), 5));
    byte[] request = sndNke(5);
    request[3] ^= 0x01;

    assertEquals(0, bus.exchange(request).length);
  }

  @Test
  void exchange_selectMatchingMask_acknowledgesAndAnswersAtFdWithItsPrimaryAddress() {
    VirtualSlave slave = new VirtualSlave(TestMeter.single("12345678"), 7);
    SimulatedBus bus = bus(slave);

    assertArrayEquals(ACK, bus.exchange(select(idMask("1234FFFF"))));
    byte[] reply = bus.exchange(reqUd2(REQ_UD2_FCB_SET, LinkFrames.ADDRESS_NETWORK_LAYER));

    assertTrue(slave.isSelected());
    assertEquals(7, LinkFrames.address(reply));
    assertEquals(null, LinkFrames.checkComplete(reply));
  }

  @Test
  void exchange_selectNotMatching_deselectsSilently() {
    VirtualSlave slave = new VirtualSlave(TestMeter.single("12345678"), 0);
    SimulatedBus bus = bus(slave);
    bus.exchange(select(idMask("1FFFFFFF")));

    byte[] reply = bus.exchange(select(idMask("2FFFFFFF")));

    assertEquals(0, reply.length);
    assertFalse(slave.isSelected());
    assertEquals(0, bus.exchange(reqUd2(REQ_UD2_FCB_SET, 0xFD)).length);
  }

  @Test
  void exchange_selectWithOtherManufacturer_doesNotSelect() {
    SimulatedBus bus = bus(new VirtualSlave(TestMeter.single("12345678"), 0));
    byte[] mask = mask("FFFFFFFF", 0x1234, 0xFF, 0xFF);

    assertEquals(0, bus.exchange(select(mask)).length);
  }

  @Test
  void exchange_selectByExactAddress_matchesOnlyThatMeter() {
    VirtualSlave slave = new VirtualSlave(TestMeter.single("12345678"), 0);
    SimulatedBus bus = bus(slave);
    int lug = io.releve.gateway.link.SecondaryAddress.manufacturerCode("LUG");

    assertArrayEquals(ACK, bus.exchange(select(mask("12345678", lug, 0x0A, 0x07))));
    assertEquals(0, bus.exchange(select(mask("12345678", lug, 0x0B, 0x07))).length);
    assertEquals(0, bus.exchange(select(mask("12345678", lug, 0x0A, 0x06))).length);
  }

  @Test
  void exchange_sndNkeToFd_deselects() {
    VirtualSlave slave = new VirtualSlave(TestMeter.single("12345678"), 0);
    SimulatedBus bus = bus(slave);
    bus.exchange(select(idMask("FFFFFFFF")));

    assertArrayEquals(ACK, bus.exchange(sndNke(0xFD)));
    assertFalse(slave.isSelected());
  }

  @Test
  void exchange_twoSlavesMatchWildcard_mergesAcknowledgements() {
    SimulatedBus bus =
        bus(
            new VirtualSlave(TestMeter.single("12345678"), 1),
            new VirtualSlave(TestMeter.single("12345679"), 2));

    assertArrayEquals(ACK, bus.exchange(select(idMask("1234567F"))));
  }

  @Test
  void exchange_twoSelectedSlavesReply_collideIntoAFrameThatFailsItsCheck() {
    SimulatedBus bus =
        bus(
            new VirtualSlave(TestMeter.single("12345678"), 1),
            new VirtualSlave(TestMeter.single("12345679"), 2));
    bus.exchange(select(idMask("1234567F")));

    byte[] reply = bus.exchange(reqUd2(REQ_UD2_FCB_SET, LinkFrames.ADDRESS_NETWORK_LAYER));

    assertTrue(reply.length > 0);
    assertNotNull(problem(reply), "a collision must not look like a valid frame");
  }

  @Test
  void merge_frameWhoseAndIsValid_isStillBroken() {
    // the AND of a frame with itself plus an identical-but-longer copy would be the frame itself
    byte[] frame = LinkFrames.shortFrame(0x08, 1);
    byte[] longer = java.util.Arrays.copyOf(frame, frame.length + 1);
    longer[frame.length] = (byte) 0xFF;

    byte[] merged =
        SimulatedBus.merge(
            List.of(
                new VirtualSlave.Reply(frame, Duration.ZERO),
                new VirtualSlave.Reply(longer, Duration.ZERO)));

    assertNotNull(problem(merged));
  }

  @Test
  void exchange_broadcastWithoutReply_resetsButStaysSilent() {
    SimulatedBus bus = bus(new VirtualSlave(TestMeter.single("12345678"), 1));

    assertEquals(0, bus.exchange(sndNke(LinkFrames.ADDRESS_BROADCAST_NO_REPLY)).length);
    assertEquals(
        0, bus.exchange(reqUd2(REQ_UD2_FCB_SET, LinkFrames.ADDRESS_BROADCAST_NO_REPLY)).length);
  }

  @Test
  void exchange_broadcastWithReply_answersWithItsPrimaryAddress() {
    SimulatedBus bus = bus(new VirtualSlave(TestMeter.single("12345678"), 17));

    byte[] reply = bus.exchange(reqUd2(REQ_UD2_FCB_SET, LinkFrames.ADDRESS_BROADCAST_REPLY));

    assertEquals(17, LinkFrames.address(reply));
  }

  @Test
  void exchange_echoOn_returnsTheRequestFirst() {
    SimulatedBus bus = bus(new VirtualSlave(TestMeter.single("12345678"), 5)).echo(true);
    byte[] request = sndNke(5);

    byte[] received = bus.exchange(request);

    assertArrayEquals(new byte[] {0x10, 0x40, 0x05, 0x45, 0x16, (byte) 0xE5}, received);
  }

  @Test
  void exchange_silentSlave_answersNothing() {
    VirtualSlave slave = new VirtualSlave(TestMeter.single("12345678"), 5);
    SimulatedBus bus = bus(slave);
    slave.faults().silent(true);

    assertEquals(0, bus.exchange(sndNke(5)).length);
    slave.faults().clear();
    assertArrayEquals(ACK, bus.exchange(sndNke(5)));
  }

  @Test
  void exchange_dropNext_losesTelegramsButNotAcknowledgements() {
    VirtualSlave slave = new VirtualSlave(TestMeter.single("12345678"), 5);
    SimulatedBus bus = bus(slave);
    slave.faults().dropNext(1);

    assertArrayEquals(ACK, bus.exchange(sndNke(5)));
    assertEquals(0, bus.exchange(reqUd2(REQ_UD2_FCB_SET, 5)).length);
    assertEquals(0, slave.faults().pendingDrops());
    assertEquals(1234, TestMeter.litres(bus.exchange(reqUd2(REQ_UD2_FCB_SET, 5))));
  }

  @Test
  void exchange_corruptNext_breaksTheChecksum() {
    VirtualSlave slave = new VirtualSlave(TestMeter.single("12345678"), 5);
    SimulatedBus bus = bus(slave);
    slave.faults().corruptNext(1);

    byte[] reply = bus.exchange(reqUd2(REQ_UD2_FCB_SET, 5));

    assertTrue(LinkFrames.checkComplete(reply).startsWith("The checksum"));
  }

  @Test
  void exchange_wrongAddress_answersUnderAnotherAddress() {
    VirtualSlave slave = new VirtualSlave(TestMeter.single("12345678"), 5);
    SimulatedBus bus = bus(slave);
    slave.faults().wrongAddress(true);

    byte[] reply = bus.exchange(reqUd2(REQ_UD2_FCB_SET, 5));

    assertEquals(null, LinkFrames.checkComplete(reply));
    assertEquals(4, LinkFrames.address(reply));
  }

  @Test
  void accounting_countsRequestsRepliesAndBytes() {
    VirtualSlave slave = new VirtualSlave(TestMeter.single("12345678"), 5);
    SimulatedBus bus = bus(slave);
    slave.faults().extraDelay(Duration.ofMillis(3));

    bus.exchange(sndNke(5));
    byte[] reply = bus.exchange(reqUd2(REQ_UD2_FCB_SET, 5));
    bus.exchange(sndNke(6));

    WireAccounting accounting = bus.accounting();
    BusTiming timing = bus.timing();
    assertEquals(3, accounting.requests());
    assertEquals(2, accounting.replies());
    assertEquals(5 + 1 + 5 + reply.length + 5, accounting.bytesOnWire());
    assertEquals(timing.replyDelay().multipliedBy(2).plusMillis(6), accounting.replyDelays(timing));
    assertEquals(
        timing.wireTime(accounting.bytesOnWire()).plus(accounting.replyDelays(timing)),
        accounting.busTime(timing));
  }

  private static String problem(byte[] bytes) {
    try {
      if (LinkFrames.frameLength(bytes, bytes.length) != bytes.length) {
        return "length";
      }
      return LinkFrames.checkComplete(bytes);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
