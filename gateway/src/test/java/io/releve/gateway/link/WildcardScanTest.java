package io.releve.gateway.link;

import static io.releve.gateway.link.Telegrams.water;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.device.DeviceIdentity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The depth-first wildcard scan by secondary address, on a {@link VirtualBus}. */
@Timeout(60)
class WildcardScanTest {
  private final VirtualBus bus = new VirtualBus(2400);

  private SecondaryScan scan(ScanListener listener) throws Exception {
    try (MBusMaster master = bus.master(LinkSettings.DEFAULTS)) {
      return master.scanSecondary(listener);
    }
  }

  private static List<String> ids(SecondaryScan scan) {
    return scan.meters().stream().map(m -> m.secondary().identity().id()).sorted().toList();
  }

  private List<VirtualSlave> addAll(List<String> ids) {
    List<VirtualSlave> slaves = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      VirtualSlave slave = new VirtualSlave(i + 1, water(ids.get(i)));
      bus.add(slave);
      slaves.add(slave);
    }
    return slaves;
  }

  @Test
  void overlap_identicalE5s_mergeIntoOneCleanE5() {
    assertArrayEquals(
        Telegrams.ack(), VirtualBus.overlap(List.of(Telegrams.ack(), Telegrams.ack())));
  }

  @Test
  void overlap_differentLongFrames_makeNoValidFrame() {
    byte[] line =
        VirtualBus.overlap(
            List.of(
                Telegrams.rspUd(1, water("11111111"), 1, false),
                Telegrams.rspUd(2, water("11111112"), 2, false)));

    String problem;
    try {
      problem = LinkFrames.checkComplete(line);
    } catch (RuntimeException e) {
      problem = e.getMessage();
    }
    assertTrue(problem != null);
  }

  @Test
  void scanSecondary_oneMeter_isReadWithoutDescending() throws Exception {
    VirtualSlave slave = new VirtualSlave(3, Telegrams.WATER, 2);
    bus.add(slave);

    SecondaryScan scan = scan(ScanListener.NONE);

    assertEquals(1, scan.meters().size());
    FoundMeter meter = scan.meters().get(0);
    assertEquals(Telegrams.WATER, meter.secondary());
    assertEquals(3, meter.primaryAddress());
    assertEquals(2, meter.telegrams().size());
    assertTrue(scan.unresolved().isEmpty());
    List<byte[]> requests = bus.requests();
    // select everything, two REQ_UD2 to FD (FCB set, then clear), SND_NKE to FD
    assertEquals(4, requests.size());
    assertEquals("10 7B FD 78 16", Telegrams.hex(requests.get(1)));
    assertEquals("10 5B FD 58 16", Telegrams.hex(requests.get(2)));
    assertEquals("10 40 FD 3D 16", Telegrams.hex(requests.get(3)));
    assertFalse(slave.selected());
  }

  @Test
  void scanSecondary_emptyBus_findsNothing() throws Exception {
    SecondaryScan scan = scan(ScanListener.NONE);

    assertTrue(scan.meters().isEmpty());
    assertTrue(scan.unresolved().isEmpty());
  }

  @Test
  void scanSecondary_emptyBus_retriesTheFirstSelectThenDeselects() throws Exception {
    scan(ScanListener.NONE);

    // silence at the root would mean an empty bus: that select is retried like any request
    List<byte[]> requests = bus.requests();
    assertEquals(LinkSettings.DEFAULTS.retries() + 2, requests.size());
    assertEquals("10 40 FD 3D 16", Telegrams.hex(requests.get(requests.size() - 1)));
  }

  @Test
  void scanSecondary_emptyBranches_areAskedOnceDespiteRetries() throws Exception {
    addAll(List.of("12345678", "92345678"));

    try (MBusMaster master = bus.master(LinkSettings.DEFAULTS)) {
      SecondaryScan scan = master.scanSecondary(ScanListener.NONE);

      assertEquals(List.of("12345678", "92345678"), ids(scan));
      // 15 first digits tried, two answered: 13 empty branches, one timeout each
      assertEquals(13, master.counters().timeouts());
    }
  }

  @Test
  void scanSecondary_fiftyRandomIds_findsEveryMeterWithItsTelegrams() throws Exception {
    Random random = new Random(20240611L);
    Set<String> ids = new LinkedHashSet<>();
    while (ids.size() < 50) {
      ids.add(String.format("%08d", random.nextInt(100_000_000)));
    }
    List<VirtualSlave> slaves = addAll(new ArrayList<>(ids));

    SecondaryScan scan = scan(ScanListener.NONE);

    assertEquals(ids.stream().sorted().toList(), ids(scan));
    assertTrue(scan.unresolved().isEmpty());
    for (VirtualSlave slave : slaves) {
      FoundMeter meter =
          scan.meters().stream()
              .filter(m -> m.secondary().equals(slave.secondary()))
              .findFirst()
              .orElseThrow();
      assertEquals(slave.primary(), meter.primaryAddress());
      assertArrayEquals(slave.telegrams().get(0), meter.telegrams().get(0));
    }
    assertTrue(slaves.stream().noneMatch(VirtualSlave::selected));
  }

  @Test
  void scanSecondary_idsSharingSevenOfEightDigits_findsAllTen() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int d = 0; d <= 9; d++) {
      ids.add("4711002" + d);
    }
    addAll(ids);

    SecondaryScan scan = scan(ScanListener.NONE);

    assertEquals(ids, ids(scan));
    assertTrue(scan.unresolved().isEmpty());
  }

  @Test
  void scanSecondary_idsWithHexDigitsAToE_findsThemAll() throws Exception {
    List<String> ids = List.of("1234567A", "1234567E", "12345670", "12B45678", "12C45678");
    addAll(ids);

    SecondaryScan scan = scan(ScanListener.NONE);

    assertEquals(ids.stream().sorted().toList(), ids(scan));
    assertTrue(scan.unresolved().isEmpty());
  }

  @Test
  void scanSecondary_identicalIds_reportsAnUnresolvedCollisionAndFindsTheOthers() throws Exception {
    bus.add(new VirtualSlave(1, water("55500011")));
    bus.add(new VirtualSlave(2, water("55500011")));
    bus.add(new VirtualSlave(3, water("55500012")));

    SecondaryScan scan = scan(ScanListener.NONE);

    assertEquals(List.of("55500012"), ids(scan));
    assertEquals(
        List.of(
            new SecondaryAddressMask(
                "55500011",
                SecondaryAddressMask.ANY_MANUFACTURER,
                SecondaryAddressMask.ANY_BYTE,
                SecondaryAddressMask.ANY_BYTE)),
        scan.unresolved());
  }

  @Test
  void scanSecondary_sameIdFromTwoManufacturers_isUnresolved() throws Exception {
    bus.add(new VirtualSlave(1, water("66600001")));
    bus.add(
        new VirtualSlave(
            2, new SecondaryAddress(new DeviceIdentity("KAM", "66600001", 0x1B, 0x16))));

    SecondaryScan scan = scan(ScanListener.NONE);

    assertTrue(scan.meters().isEmpty());
    assertEquals("66600001", scan.unresolved().get(0).id());
  }

  @Test
  void scanSecondary_multiTelegramMetersThatCollide_areEachReadInFull() throws Exception {
    bus.add(new VirtualSlave(1, water("10000001"), 3));
    bus.add(new VirtualSlave(2, water("10000002"), 2));

    SecondaryScan scan = scan(ScanListener.NONE);

    List<FoundMeter> meters =
        scan.meters().stream().sorted(Comparator.comparingInt(FoundMeter::primaryAddress)).toList();
    assertEquals(3, meters.get(0).telegrams().size());
    assertEquals(2, meters.get(1).telegrams().size());
  }

  @Test
  void scanSecondary_echoingConverter_findsTheSameMeters() throws Exception {
    bus.echoing();
    addAll(List.of("20000001", "20000002", "30000001"));

    SecondaryScan scan = scan(ScanListener.NONE);

    assertEquals(List.of("20000001", "20000002", "30000001"), ids(scan));
  }

  @Test
  void scanSecondary_listener_hearsEachMeterAndProgressUpToDone() throws Exception {
    addAll(List.of("20000001", "20000002", "90000001"));
    List<FoundMeter> heard = new ArrayList<>();
    List<int[]> progress = new ArrayList<>();
    List<String> current = new ArrayList<>();
    ScanListener listener =
        new ScanListener() {
          @Override
          public void progress(int done, int total, String what) {
            progress.add(new int[] {done, total});
            current.add(what);
          }

          @Override
          public void found(FoundMeter meter) {
            heard.add(meter);
          }
        };

    SecondaryScan scan = scan(listener);

    assertEquals(scan.meters(), heard);
    int[] last = progress.get(progress.size() - 1);
    assertEquals(last[1], last[0]);
    assertEquals("done", current.get(current.size() - 1));
    assertEquals(SecondaryAddressMask.ALL.toString(), current.get(0));
    for (int i = 1; i < progress.size(); i++) {
      assertTrue(progress.get(i)[0] >= progress.get(i - 1)[0], "progress never goes back");
      assertTrue(progress.get(i)[0] <= progress.get(i)[1], "progress stays within its total");
    }
  }

  @Test
  void scanSecondary_busFailsMidScan_throwsAndStillTriesToDeselect() throws Exception {
    addAll(List.of("70000001", "80000001"));
    ScanListener closesTheBus =
        new ScanListener() {
          @Override
          public void progress(int done, int total, String current) {}

          @Override
          public void found(FoundMeter meter) {
            bus.close();
          }
        };

    java.io.IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.IOException.class, () -> scan(closesTheBus));

    assertEquals("The virtual bus is closed", e.getMessage());
    assertEquals(1, e.getSuppressed().length, "the failed deselection is kept");
  }
}
