package io.releve.gateway.transport;

import static io.releve.gateway.link.ScriptedSlave.echoThen;
import static io.releve.gateway.link.ScriptedSlave.reply;
import static io.releve.gateway.link.ScriptedSlave.silence;
import static io.releve.gateway.link.Telegrams.ack;
import static io.releve.gateway.link.Telegrams.hex;
import static io.releve.gateway.link.Telegrams.rspUd;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.link.LinkFrames;
import io.releve.gateway.link.LinkSettings;
import io.releve.gateway.link.MBusMaster;
import io.releve.gateway.link.Readout;
import io.releve.gateway.link.ScriptedSlave;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real serial readout: jSerialComm on one end of a pseudo-terminal pair, a scripted slave on the
 * other. A pty ignores line speed and parity, so the slave sends its bytes at the bus's pace (11
 * bit times each at 2400 bit/s) as a level converter would deliver them.
 */
@Timeout(60)
class SerialReadoutTest {
  private static final int BAUD = 2400;

  @TempDir Path dir;

  private interface SerialTest {
    void run(MBusMaster master, ScriptedSlave slave) throws Exception;
  }

  private void withBus(LinkSettings settings, SerialTest test) throws Exception {
    try (SocatPair pair = SocatPair.start(dir)) {
      try (ScriptedSlave slave =
              ScriptedSlave.over(
                      new FileInputStream(pair.slave().toFile()),
                      new FileOutputStream(pair.slave().toFile()))
                  .pacedAt(BAUD);
          MBusMaster master =
              new MBusMaster(new SerialByteStream(pair.master().toString(), BAUD), settings)) {
        test.run(master, slave);
      }
    }
  }

  @Test
  void readPrimary_twoTelegramsOverAPty_readsBothWithTheFcbToggled() throws Exception {
    withBus(
        new LinkSettings(2, 16, false),
        (master, slave) -> {
          byte[] first = rspUd(5, 1, true);
          byte[] second = rspUd(5, 2, false);
          slave.then(reply(ack()), reply(first), reply(second));

          Readout readout = master.readPrimary(5);

          assertEquals(2, readout.telegrams().size());
          assertArrayEquals(first, readout.telegrams().get(0));
          assertArrayEquals(second, readout.telegrams().get(1));
          assertFalse(readout.capped());
          List<byte[]> requests = slave.awaitRequests(3, Duration.ofSeconds(5));
          assertEquals("10 40 05 45 16", hex(requests.get(0)));
          assertEquals("10 7B 05 80 16", hex(requests.get(1)));
          assertEquals("10 5B 05 60 16", hex(requests.get(2)));
        });
  }

  @Test
  void readPrimary_replyLostOnTheLine_retriesWithTheSameFcb() throws Exception {
    withBus(
        new LinkSettings(2, 16, false),
        (master, slave) -> {
          slave.then(reply(ack()), silence(), reply(rspUd(5, 1, false)));

          master.readPrimary(5);

          List<Integer> controls =
              slave.awaitRequests(3, Duration.ofSeconds(5)).stream()
                  .map(LinkFrames::control)
                  .toList();
          assertEquals(List.of(0x40, 0x7B, 0x7B), controls);
          assertEquals(1, master.counters().timeouts());
        });
  }

  @Test
  void readPrimary_echoingConverter_skipsTheEcho() throws Exception {
    withBus(
        new LinkSettings(2, 16, true),
        (master, slave) -> {
          byte[] telegram = rspUd(5, 1, false);
          slave.then(echoThen(reply(ack())), echoThen(reply(telegram)));

          Readout readout = master.readPrimary(5);

          assertArrayEquals(telegram, readout.telegrams().get(0));
          assertEquals(2, master.counters().echoesSuppressed());
          assertEquals(0, master.counters().retries());
        });
  }

  @Test
  void open_missingPort_throwsNamingThePath() {
    String path = dir.resolve("no-such-tty").toString();

    IOException e = assertThrows(IOException.class, () -> new SerialByteStream(path, BAUD));

    assertTrue(e.getMessage().startsWith("Cannot open serial port " + path), e::getMessage);
  }

  @Test
  void open_unsupportedBaud_isRefusedNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new SerialByteStream("/dev/ttyUSB9", 4800));

    assertEquals("Baud rate [4800] for /dev/ttyUSB9 must be 300, 2400 or 9600.", e.getMessage());
  }
}
