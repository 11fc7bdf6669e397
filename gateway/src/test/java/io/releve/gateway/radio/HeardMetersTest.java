package io.releve.gateway.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.gateway.decode.RejectionReason;
import io.releve.gateway.decode.radio.KeyLookup;
import io.releve.gateway.device.DeviceIdentity;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeardMetersTest {

  /**
   * A heat cost allocator of the wmbusmeters "kaden" driver, mode 5 encrypted (wmbusmeters' golden
   * telegram).
   */
  static final String KADEN =
      "4E443059040680231E087AC40040050E6AA476257C0C3ADAE8277EDC999B39B38222FCB387A91E94CB6ED47CEEC6"
          + "470F5F686F89A8574415FA262BD43C88F7F153CE3C66E8E44DA338A06C62AB21B1";

  private static RadioFrame frame(String hex, Integer rssi, LinkMode mode, String receiver) {
    return new RadioFrame(
        HexFormat.of().parseHex(hex),
        Optional.ofNullable(rssi),
        Optional.of(mode),
        Instant.parse("2025-03-01T10:00:00Z"),
        receiver);
  }

  @Test
  void clearAndEncryptedTelegrams_withoutKeys_areOkAndKeyMissing() {
    HeardMeters heard = new HeardMeters(KeyLookup.NONE);
    heard.accept(frame(RtlWmbusReceiverTest.IPERL, -80, LinkMode.T1, "stick.a"));
    heard.accept(frame(RtlWmbusReceiverTest.IPERL, -70, LinkMode.C1, "stick.b"));
    heard.accept(frame(RtlWmbusReceiverTest.IPERL, -90, LinkMode.T1, "stick.a"));
    heard.accept(frame(KADEN, null, LinkMode.T1, "rtlwmbus.roof"));

    List<HeardMeter> meters = heard.snapshot();
    HeardMeter iperl = meters.get(0);
    assertEquals(DeviceIdentity.parseKey("SEN-33225544-68-07"), iperl.identity());
    assertEquals(3, iperl.count());
    assertEquals(Optional.of(-90), iperl.lastRssiDbm());
    assertEquals(Optional.of(-70), iperl.bestRssiDbm());
    assertEquals(Set.of(LinkMode.T1, LinkMode.C1), iperl.modes());
    assertEquals(Set.of("stick.a", "stick.b"), iperl.receivers());
    assertEquals(HeardStatus.OK, iperl.status());
    HeardMeter kaden = meters.get(1);
    assertEquals("VIP-23800604-1E-08", kaden.identity().key());
    assertEquals(HeardStatus.KEY_MISSING, kaden.status());
    assertEquals(Optional.empty(), kaden.bestRssiDbm());
  }

  @Test
  void statusOf_rejectionReasons_groupsTheUnsupportedAndTheMalformed() {
    assertEquals(HeardStatus.UNSUPPORTED, HeardStatus.of(RejectionReason.UNSUPPORTED_SECURITY));
    assertEquals(HeardStatus.UNSUPPORTED, HeardStatus.of(RejectionReason.FRAGMENTED));
    assertEquals(HeardStatus.MALFORMED, HeardStatus.of(RejectionReason.TRUNCATED));
    assertEquals(HeardStatus.MAC_MISMATCH, HeardStatus.of(RejectionReason.MAC_MISMATCH));
    assertEquals("decryption_failed", HeardStatus.DECRYPTION_FAILED.label());
  }
}
