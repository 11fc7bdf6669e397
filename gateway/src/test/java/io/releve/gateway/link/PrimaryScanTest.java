package io.releve.gateway.link;

import static io.releve.gateway.link.Telegrams.water;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The primary scan, 0 to 250, and primary readouts on a {@link VirtualBus}. */
@Timeout(60)
class PrimaryScanTest {
  private final VirtualBus bus = new VirtualBus(2400);

  @Test
  void scanPrimary_wholeRangeWithGaps_findsEachMeterInAddressOrder() throws Exception {
    for (int address : new int[] {250, 0, 17, 1, 2}) {
      bus.add(new VirtualSlave(address, water(String.format("%08d", 40_000_000 + address))));
    }
    List<Integer> heard = new ArrayList<>();
    List<String> progress = new ArrayList<>();
    ScanListener listener =
        new ScanListener() {
          @Override
          public void progress(int done, int total, String current) {
            progress.add(done + "/" + total + " " + current);
          }

          @Override
          public void found(FoundMeter meter) {
            heard.add(meter.primaryAddress());
          }
        };

    List<FoundMeter> found;
    try (MBusMaster master = bus.master(LinkSettings.DEFAULTS)) {
      found = master.scanPrimary(0, 250, listener);
    }

    assertEquals(
        List.of(0, 1, 2, 17, 250), found.stream().map(FoundMeter::primaryAddress).toList());
    assertEquals(List.of(0, 1, 2, 17, 250), heard);
    assertEquals(water("40000017"), found.get(3).secondary());
    assertEquals("0/251 primary address 0", progress.get(0));
    assertEquals("251/251 done", progress.get(progress.size() - 1));
    assertEquals(252, progress.size());
  }

  @Test
  void scanPrimary_absentAddress_costsTwoSndNkeAtMost() throws Exception {
    try (MBusMaster master = bus.master(LinkSettings.DEFAULTS)) {
      master.scanPrimary(9, 9, ScanListener.NONE);
    }

    assertEquals(2, bus.requests().size());
  }

  @Test
  void scanPrimary_twoMetersOnOneAddress_skipsTheCollisionAndFindsTheRest() throws Exception {
    bus.add(new VirtualSlave(4, water("11110001")));
    bus.add(new VirtualSlave(4, water("11110002")));
    bus.add(new VirtualSlave(5, water("11110003")));

    List<FoundMeter> found;
    try (MBusMaster master = bus.master(LinkSettings.DEFAULTS)) {
      found = master.scanPrimary(1, 10, ScanListener.NONE);
    }

    assertEquals(List.of(5), found.stream().map(FoundMeter::primaryAddress).toList());
  }

  @Test
  void scanPrimary_rangeBackwards_isRefused() throws Exception {
    try (MBusMaster master = bus.master(LinkSettings.DEFAULTS)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> master.scanPrimary(10, 3, ScanListener.NONE));
      assertEquals("Scan range [10, 3] must not end before it starts.", e.getMessage());
    }
  }

  @Test
  void readPrimary_staleBytesWaitingInTheInput_arePurgedFirst() throws Exception {
    VirtualSlave slave = new VirtualSlave(8, Telegrams.WATER);
    bus.add(slave);
    bus.inject(Telegrams.ack());

    try (MBusMaster master = bus.master(LinkSettings.DEFAULTS)) {
      master.sndNke(8);
      bus.inject(Telegrams.rspUd(9, 1, false));
      Readout readout = master.readPrimary(8);

      assertEquals(8, readout.replyAddress());
      assertEquals(0, master.counters().retries());
    }
  }

  @Test
  void readPrimary_multiTelegramSlave_getsEveryTelegramOnceInOrder() throws Exception {
    VirtualSlave slave = new VirtualSlave(8, Telegrams.WATER, 5);
    bus.add(slave);

    try (MBusMaster master = bus.master(LinkSettings.DEFAULTS)) {
      Readout readout = master.readPrimary(8);

      assertEquals(
          slave.telegrams().stream().map(Telegrams::hex).toList(),
          readout.telegrams().stream().map(Telegrams::hex).toList());
    }
  }
}
