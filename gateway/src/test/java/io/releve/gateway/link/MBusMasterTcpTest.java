package io.releve.gateway.link;

import static io.releve.gateway.link.ScriptedSlave.after;
import static io.releve.gateway.link.ScriptedSlave.echoThen;
import static io.releve.gateway.link.ScriptedSlave.reply;
import static io.releve.gateway.link.ScriptedSlave.silence;
import static io.releve.gateway.link.ScriptedSlave.split;
import static io.releve.gateway.link.ScriptedSlave.trickle;
import static io.releve.gateway.link.Telegrams.ack;
import static io.releve.gateway.link.Telegrams.badChecksum;
import static io.releve.gateway.link.Telegrams.hex;
import static io.releve.gateway.link.Telegrams.rspUd;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.link.LinkException.Kind;
import io.releve.gateway.transport.TcpByteStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The master against a scripted slave behind a real TCP socket, as with a transparent serial
 * server. The tables of C fields follow EN 13757-2: SND_NKE is 0x40; REQ_UD2 is 0x7B with the FCB
 * set and 0x5B with it clear; a slave clears its FCB on SND_NKE, so the first REQ_UD2 after it sets
 * the FCB; the master toggles the FCB only after a good reply and repeats it on a retry, so the
 * slave repeats its telegram.
 */
@Timeout(30)
class MBusMasterTcpTest {
  private static final int BAUD = 9600;
  private static final int SND_NKE = 0x40;
  private static final int REQ_UD2_FCB = 0x7B;
  private static final int REQ_UD2_NO_FCB = 0x5B;

  private ScriptedSlave slave;
  private MBusMaster master;

  private MBusMaster connect(LinkSettings settings) throws Exception {
    return connect(settings, BAUD);
  }

  private MBusMaster connect(LinkSettings settings, int baud) throws Exception {
    slave = ScriptedSlave.tcp();
    master =
        new MBusMaster(
            TcpByteStream.open("127.0.0.1", slave.port(), baud, Duration.ofSeconds(5)), settings);
    return master;
  }

  private MBusMaster connect() throws Exception {
    return connect(new LinkSettings(2, 16, false));
  }

  @AfterEach
  void close() throws Exception {
    if (master != null) {
      master.close();
    }
    if (slave != null) {
      slave.close();
    }
  }

  private List<Integer> controlFields(int expectedRequests) {
    return slave.awaitRequests(expectedRequests, Duration.ofSeconds(5)).stream()
        .map(LinkFrames::control)
        .toList();
  }

  @Test
  void readPrimary_goodReply_sendsSndNkeThenReqUd2WithFcbSet() throws Exception {
    connect();
    byte[] telegram = rspUd(5, 1234, false);
    slave.then(reply(ack()), reply(telegram));

    Readout readout = master.readPrimary(5);

    assertEquals(5, readout.replyAddress());
    assertEquals(1, readout.telegrams().size());
    assertArrayEquals(telegram, readout.telegrams().get(0));
    assertFalse(readout.capped());
    List<byte[]> requests = slave.awaitRequests(2, Duration.ofSeconds(5));
    assertEquals("10 40 05 45 16", hex(requests.get(0)));
    assertEquals("10 7B 05 80 16", hex(requests.get(1)));
  }

  @Test
  void readPrimary_replyLost_retriesWithSameFcb() throws Exception {
    connect();
    slave.then(reply(ack()), silence(), reply(rspUd(5, 1, false)));

    master.readPrimary(5);

    assertEquals(List.of(SND_NKE, REQ_UD2_FCB, REQ_UD2_FCB), controlFields(3));
    assertEquals(1, master.counters().retries());
    assertEquals(1, master.counters().timeouts());
  }

  @Test
  void readPrimary_badChecksum_retriesWithSameFcb() throws Exception {
    connect();
    slave.then(reply(ack()), reply(badChecksum(rspUd(5, 1, false))), reply(rspUd(5, 1, false)));

    master.readPrimary(5);

    assertEquals(List.of(SND_NKE, REQ_UD2_FCB, REQ_UD2_FCB), controlFields(3));
    assertEquals(1, master.counters().badFrames());
  }

  @Test
  void readPrimary_replyStopsMidFrame_retriesWithSameFcb() throws Exception {
    connect();
    byte[] telegram = rspUd(5, 1, false);
    slave.then(reply(ack()), reply(Arrays.copyOf(telegram, 10)), reply(telegram));

    Readout readout = master.readPrimary(5);

    assertArrayEquals(telegram, readout.telegrams().get(0));
    assertEquals(List.of(SND_NKE, REQ_UD2_FCB, REQ_UD2_FCB), controlFields(3));
    assertEquals(1, master.counters().badFrames());
  }

  @Test
  void readPrimary_threeTelegrams_togglesFcbAfterEachGoodReply() throws Exception {
    connect();
    slave.then(
        reply(ack()),
        reply(rspUd(5, 1, true)),
        reply(rspUd(5, 2, true)),
        reply(rspUd(5, 3, false)));

    Readout readout = master.readPrimary(5);

    assertEquals(3, readout.telegrams().size());
    assertFalse(readout.capped());
    assertEquals(List.of(SND_NKE, REQ_UD2_FCB, REQ_UD2_NO_FCB, REQ_UD2_FCB), controlFields(4));
  }

  @Test
  void readPrimary_failuresBetweenTelegrams_keepFcbOnEachRetry() throws Exception {
    connect();
    slave.then(
        reply(ack()),
        reply(rspUd(5, 1, true)),
        silence(),
        reply(rspUd(5, 2, true)),
        reply(badChecksum(rspUd(5, 3, false))),
        reply(rspUd(5, 3, false)));

    Readout readout = master.readPrimary(5);

    assertEquals(3, readout.telegrams().size());
    assertEquals(
        List.of(SND_NKE, REQ_UD2_FCB, REQ_UD2_NO_FCB, REQ_UD2_NO_FCB, REQ_UD2_FCB, REQ_UD2_FCB),
        controlFields(6));
  }

  @Test
  void readPrimary_secondReadout_startsAgainWithFcbSetAfterSndNke() throws Exception {
    connect();
    slave.then(reply(ack()), reply(rspUd(5, 1, false)), reply(ack()), reply(rspUd(5, 2, false)));

    master.readPrimary(5);
    master.readPrimary(5);

    assertEquals(List.of(SND_NKE, REQ_UD2_FCB, SND_NKE, REQ_UD2_FCB), controlFields(4));
  }

  @Test
  void readPrimary_noReplyAfterRetries_throwsNoReplyNamingRequestAddressAndBus() throws Exception {
    connect();
    slave.then(reply(ack()));

    LinkException e = assertThrows(LinkException.class, () -> master.readPrimary(5));

    assertEquals(Kind.NO_REPLY, e.kind());
    assertEquals(
        "REQ_UD2 to address 5 (0x05) on 127.0.0.1:"
            + slave.port()
            + " failed after 3 attempts: no reply, an RSP_UD was expected.",
        e.getMessage());
    assertEquals(List.of(SND_NKE, REQ_UD2_FCB, REQ_UD2_FCB, REQ_UD2_FCB), controlFields(4));
    assertEquals(2, master.counters().retries());
  }

  @Test
  void sndNke_noAcknowledgement_throwsNoReplyAfterEveryAttempt() throws Exception {
    connect(new LinkSettings(1, 16, false));

    LinkException e = assertThrows(LinkException.class, () -> master.sndNke(7));

    assertEquals(Kind.NO_REPLY, e.kind());
    assertEquals(
        "SND_NKE to address 7 (0x07) on 127.0.0.1:"
            + slave.port()
            + " failed after 2 attempts: no reply, an E5 was expected.",
        e.getMessage());
    assertEquals(List.of(SND_NKE, SND_NKE), controlFields(2));
  }

  @Test
  void readPrimary_badChecksumOnEveryAttempt_throwsBadFrameShowingTheBytes() throws Exception {
    connect(new LinkSettings(0, 16, false));
    byte[] bad = badChecksum(rspUd(5, 1, false));
    slave.then(reply(ack()), reply(bad));

    LinkException e = assertThrows(LinkException.class, () -> master.readPrimary(5));

    assertEquals(Kind.BAD_FRAME, e.kind());
    assertTrue(
        e.getMessage().contains("failed after 1 attempt: got [" + hex(bad) + "]"), e::getMessage);
    assertTrue(e.getMessage().contains("The checksum is"), e::getMessage);
  }

  @Test
  void readPrimary_replyFromAnotherAddress_isRejectedAndRetried() throws Exception {
    connect();
    byte[] good = rspUd(5, 2, false);
    slave.then(reply(ack()), reply(rspUd(6, 1, false)), reply(good));

    Readout readout = master.readPrimary(5);

    assertArrayEquals(good, readout.telegrams().get(0));
    assertEquals(1, master.counters().wrongAddresses());
    assertEquals(List.of(SND_NKE, REQ_UD2_FCB, REQ_UD2_FCB), controlFields(3));
  }

  @Test
  void readPrimary_onlyAnotherAddressReplies_throwsWrongAddress() throws Exception {
    connect(new LinkSettings(1, 16, false));
    byte[] other = rspUd(6, 1, false);
    slave.then(reply(ack()), reply(other), reply(other));

    LinkException e = assertThrows(LinkException.class, () -> master.readPrimary(5));

    assertEquals(Kind.WRONG_ADDRESS, e.kind());
    assertTrue(e.getMessage().contains("instead of an RSP_UD"), e::getMessage);
  }

  @Test
  void readPrimary_echoingConverter_skipsTheEchoWhenSuppressionIsOn() throws Exception {
    connect(new LinkSettings(2, 16, true));
    byte[] telegram = rspUd(5, 1, false);
    slave.then(echoThen(reply(ack())), echoThen(reply(telegram)));

    Readout readout = master.readPrimary(5);

    assertArrayEquals(telegram, readout.telegrams().get(0));
    assertEquals(2, master.counters().echoesSuppressed());
    assertEquals(0, master.counters().retries());
  }

  @Test
  void readPrimary_echoingConverterWithoutSuppression_takesTheEchoForTheReply() throws Exception {
    connect(new LinkSettings(1, 16, false));
    // echo and E5 in one write: a separate E5 could arrive after the retry's purge and be taken
    // for the retry's answer on a loaded machine
    ScriptedSlave.Answer echoAndAck =
        request -> {
          byte[] both = java.util.Arrays.copyOf(request, request.length + 1);
          both[request.length] = (byte) 0xE5;
          return List.of(new ScriptedSlave.Chunk(0, both));
        };
    slave.then(echoAndAck, echoAndAck);

    LinkException e = assertThrows(LinkException.class, () -> master.readPrimary(5));

    assertEquals(Kind.BAD_FRAME, e.kind());
    assertTrue(e.getMessage().contains("got [10 40 05 45 16] instead of an E5"), e::getMessage);
  }

  @Test
  void readPrimary_suppressionOnWithoutEcho_readsTheReply() throws Exception {
    connect(new LinkSettings(2, 16, true));
    slave.then(reply(ack()), reply(rspUd(5, 1, false)));

    master.readPrimary(5);

    assertEquals(0, master.counters().echoesSuppressed());
    assertEquals(0, master.counters().retries());
  }

  @Test
  void readPrimary_replyInPiecesWithShortPauses_isReassembled() throws Exception {
    connect();
    byte[] telegram = rspUd(5, 1, false);
    // 5 ms pauses: well inside the inter-byte timeout (33 bit times + 50 ms + 10 ms over TCP)
    slave.then(reply(ack()), trickle(telegram, 4, 5));

    Readout readout = master.readPrimary(5);

    assertArrayEquals(telegram, readout.telegrams().get(0));
    assertEquals(0, master.counters().retries());
  }

  @Test
  void readPrimary_moreTelegramsThanTheCap_stopsAtTheCapAndSaysCapped() throws Exception {
    connect(new LinkSettings(2, 2, false));
    slave.then(reply(ack()), reply(rspUd(5, 1, true)), reply(rspUd(5, 2, true)));

    Readout readout = master.readPrimary(5);

    assertEquals(2, readout.telegrams().size());
    assertTrue(readout.capped());
    assertEquals(List.of(SND_NKE, REQ_UD2_FCB, REQ_UD2_NO_FCB), controlFields(3));
  }

  @Test
  void readPrimary_lastTelegramAtTheCap_isNotCapped() throws Exception {
    connect(new LinkSettings(2, 2, false));
    slave.then(reply(ack()), reply(rspUd(5, 1, true)), reply(rspUd(5, 2, false)));

    Readout readout = master.readPrimary(5);

    assertEquals(2, readout.telegrams().size());
    assertFalse(readout.capped());
  }

  @Test
  void readPrimary_staleBytesInTheInput_arePurgedBeforeTheRequest() throws Exception {
    connect();
    slave.then(reply(ack()));
    master.sndNke(5);
    slave.send(rspUd(9, 999, false)); // a late reply nobody reads any more
    // Loopback delivers at once; the pause makes sure the stale frame is waiting in our input.
    Thread.sleep(200);
    byte[] telegram = rspUd(5, 1, false);
    slave.then(reply(ack()), reply(telegram));

    Readout readout = master.readPrimary(5);

    assertArrayEquals(telegram, readout.telegrams().get(0));
    assertEquals(0, master.counters().retries());
    assertEquals(0, master.counters().badFrames());
  }

  @Test
  void select_oneCleanE5_isAcknowledgedAndSendsTheMask() throws Exception {
    connect();
    slave.then(reply(ack()));
    SecondaryAddressMask mask =
        new SecondaryAddressMask("1234FFFF", SecondaryAddressMask.ANY_MANUFACTURER, 0xFF, 0x07);

    assertEquals(SelectOutcome.ACKNOWLEDGED, master.select(mask));

    byte[] request = slave.awaitRequests(1, Duration.ofSeconds(5)).get(0);
    // 68 L L 68, SND_UD 53 to FD, CI 52, id FFFF3412 LSB first, manufacturer FFFF, version, medium,
    // checksum: the sum of C to the last data byte, 0x6EA, modulo 256
    assertEquals("68 0B 0B 68 53 FD 52 FF FF 34 12 FF FF FF 07 EA 16", hex(request));
  }

  @Test
  void select_silence_isNoneAfterEveryAttempt() throws Exception {
    connect();

    assertEquals(SelectOutcome.NONE, master.select(SecondaryAddressMask.ALL));

    assertEquals(3, slave.awaitRequests(3, Duration.ofSeconds(5)).size());
    assertEquals(3, master.counters().timeouts());
  }

  @Test
  void select_garbage_isGarbled() throws Exception {
    connect();
    slave.then(reply(new byte[] {(byte) 0xC5}));

    assertEquals(SelectOutcome.GARBLED, master.select(SecondaryAddressMask.ALL));
    assertEquals(1, master.counters().collisions());
  }

  @Test
  void select_e5FollowedByMoreBytes_isGarbled() throws Exception {
    connect();
    slave.then(reply(ack(), new byte[] {(byte) 0xE5, 0x00}));

    assertEquals(SelectOutcome.GARBLED, master.select(SecondaryAddressMask.ALL));
  }

  @Test
  void readSecondary_acknowledged_readsThroughFdAndChecksTheHeader() throws Exception {
    connect();
    byte[] telegram = rspUd(0, 42, false);
    slave.then(reply(ack()), reply(telegram));

    Readout readout = master.readSecondary(Telegrams.WATER);

    assertArrayEquals(telegram, readout.telegrams().get(0));
    List<byte[]> requests = slave.awaitRequests(2, Duration.ofSeconds(5));
    assertEquals(LinkFrames.C_SND_UD, LinkFrames.control(requests.get(0)));
    assertEquals(
        SecondaryAddressMask.exactly(Telegrams.WATER),
        SecondaryAddressMask.fromBytes(requests.get(0), 7));
    assertEquals("10 7B FD 78 16", hex(requests.get(1)));
  }

  @Test
  void readSecondary_replyNamesAnotherMeter_throwsWrongAddress() throws Exception {
    connect(new LinkSettings(1, 16, false));
    byte[] other = rspUd(0, Telegrams.water("87654321"), 1, false);
    slave.then(reply(ack()), reply(other), reply(other));

    LinkException e =
        assertThrows(LinkException.class, () -> master.readSecondary(Telegrams.WATER));

    assertEquals(Kind.WRONG_ADDRESS, e.kind());
  }

  @Test
  void readSecondary_noAcknowledgement_throwsNoReplyNamingTheAddress() throws Exception {
    connect(new LinkSettings(0, 16, false));

    LinkException e =
        assertThrows(LinkException.class, () -> master.readSecondary(Telegrams.WATER));

    assertEquals(Kind.NO_REPLY, e.kind());
    assertEquals(
        "Selecting 12345678.LUG.0A.07 on 127.0.0.1:" + slave.port() + ": no meter acknowledged.",
        e.getMessage());
  }

  @Test
  void readSecondary_garbledAcknowledgement_throwsCollision() throws Exception {
    connect(new LinkSettings(0, 16, false));
    slave.then(reply(new byte[] {(byte) 0xE4, (byte) 0xE5}));

    LinkException e =
        assertThrows(LinkException.class, () -> master.readSecondary(Telegrams.WATER));

    assertEquals(Kind.COLLISION, e.kind());
  }

  @Test
  void readPrimary_addressOutOfRange_isRefusedBeforeTheBus() throws Exception {
    connect();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> master.readPrimary(251));

    assertEquals("Primary address [251] must lie between 0 and 250.", e.getMessage());
    assertEquals(0, master.counters().requests());
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} baud")
  @org.junit.jupiter.params.provider.ValueSource(ints = {300, 2400, 9600})
  void sndNke_silentSlave_waitsTheWholeReplyWindowOfTheBaudRate(int baud) throws Exception {
    connect(new LinkSettings(0, 16, false), baud);
    Duration window = new LinkTiming(baud, TcpByteStream.LATENCY).replyWindow(5);
    long start = System.nanoTime();

    assertThrows(LinkException.class, () -> master.sndNke(1));

    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(waited.compareTo(window) >= 0, () -> "gave up after " + waited + " < " + window);
  }

  @Test
  void sndNke_slowSlaveInsideTheReplyWindow_isHeard() throws Exception {
    // 300 baud over TCP: the window after SND_NKE is 1.38 s; the slave answers after 0.4 s
    connect(new LinkSettings(0, 16, false), 300);
    slave.then(after(400, reply(ack())));

    master.sndNke(1);

    assertEquals(0, master.counters().timeouts());
  }

  @Test
  void readPrimary_pauseInsideTheFrameLongerThanTheInterByteTimeout_isGarbledThenRetried()
      throws Exception {
    connect(new LinkSettings(6, 16, false));
    byte[] telegram = rspUd(5, 1, false);
    byte[] head = Arrays.copyOf(telegram, 12);
    byte[] tail = Arrays.copyOfRange(telegram, 12, telegram.length);
    // 300 ms of silence mid-frame, against an inter-byte timeout of about 63 ms. The slave answers
    // one request at a time, so the retries sent meanwhile are answered late, and some of those
    // answers meet the master while it drains the line: it takes a few attempts to get clean.
    slave.then(reply(ack()), split(300, head, tail));
    for (int i = 0; i < 6; i++) {
      slave.then(reply(telegram));
    }

    Readout readout = master.readPrimary(5);

    assertArrayEquals(telegram, readout.telegrams().get(0));
    assertTrue(master.counters().badFrames() >= 1);
    List<Integer> controls = controlFields(3);
    assertTrue(controls.subList(1, controls.size()).stream().allMatch(c -> c == REQ_UD2_FCB));
  }

  @Test
  void readPrimary_capOfOne_readsOneTelegramAndSaysCapped() throws Exception {
    connect(new LinkSettings(2, 1, false));
    slave.then(reply(ack()), reply(rspUd(5, 1, true)));

    Readout readout = master.readPrimary(5);

    assertEquals(1, readout.telegrams().size());
    assertTrue(readout.capped());
  }
}
