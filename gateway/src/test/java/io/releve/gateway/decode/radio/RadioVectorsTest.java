package io.releve.gateway.decode.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests: every wireless vector of {@code vectors/wmbus/README.md} through {@link
 * RadioDecoder}. A vector that expects an error must be rejected with a message; any other is
 * decoded and the numbers the other decoder gives must be among ours ({@link ExpectedValues}),
 * unless it is listed below with the reason.
 */
class RadioVectorsTest {

  /** Vectors whose values are not compared, and why. They must still decode or be rejected. */
  static final Map<String, String> SKIPPED =
      Map.ofEntries(
          Map.entry(
              "wmbusmeters/em24/cbb073bdb7",
              "an electricity meter: its voltages per phase (VIFE 0x7C, second table) are kept as"
                  + " other quantities"),
          Map.entry(
              "wireless-mbus-parser/0e0bb87323",
              "heating energy E8/E9 are Kamstrup manufacturer-specific VIFs (FF 07, FF 08)"),
          Map.entry(
              "wmbusmeters/amiplus/5da824c0ba",
              "the driver derives current_power_production_kw = 0 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/amiplus/d8854d10e5",
              "the driver derives current_power_production_kw = 0 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/apator08/a8c66aa382",
              "manufacturer-specific CI 0xA0: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/apator08/c41b6929fb",
              "manufacturer-specific CI 0xA0: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/apator162/49aec98e73",
              "the driver derives total_m3 = 15.992 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/apator162/f065c36df3",
              "the driver derives total_m3 = 168.577 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/apator172/bece3ce76c",
              "manufacturer-specific CI 0xA0: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/apatoreitn/9793e5671e",
              "manufacturer-specific CI 0xB6: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/apatoreitn/f352306814",
              "manufacturer-specific CI 0xA0: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/apatorna1/05e4b261eb",
              "manufacturer-specific CI 0xA0: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/apatorna1/3661be21d5",
              "manufacturer-specific CI 0xA0: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/apatorna1/ddc9fb9b42",
              "manufacturer-specific CI 0xA0: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/bfw240radio/14e94d996b",
              "the records end mid-record where the driver reads a manufacturer-specific layout"),
          Map.entry(
              "wmbusmeters/bfw240radio/185a16af9b",
              "the records end mid-record where the driver reads a manufacturer-specific layout"),
          Map.entry(
              "wmbusmeters/bfw240radio/3bdce91806",
              "the records end mid-record where the driver reads a manufacturer-specific layout"),
          Map.entry(
              "wmbusmeters/c5isf/4818303964",
              "the driver derives max_power_last_month_kw = 1 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/caltose/3b465dad65",
              "the driver derives consumption_2_hca = 52 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/compact5/0158cd8a49",
              "manufacturer-specific CI 0xA1: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/compact5/4650586ad0",
              "manufacturer-specific CI 0xA2: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/ei6500/a4bb377200",
              "the driver derives duration_removed_h = 0 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/fhkvdataiii/3d72dbdc16",
              "manufacturer-specific CI 0xA0: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/fhkvdataiv/15178775ba",
              "the driver derives consumption_at_set_date_1_hca = 22 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/hydrodigit/70dc939754",
              "the driver derives April_total_m3 = 2.53 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/hydrodigit/888e05cf19",
              "the driver derives April_total_m3 = 43.09 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/izar/c27e3d0218",
              "manufacturer-specific CI 0xA2: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/izarv2/1bf58b9ded",
              "manufacturer-specific CI 0xA2: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/kaden/ef455a116f",
              "the driver derives tampering_duration_h = 0.003611 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/mkradio3a/4d3429f66c",
              "manufacturer-specific CI 0xA2: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/qheat/159a192225",
              "the driver derives id 31547698 != 78563411, total_energy_consumption_kwh = 35226.8 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/qheat_55_us/298f9161ab",
              "the driver derives actuality_duration_h = 0.001111 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/qheatv2/40fdacecce",
              "the driver derives energy_delta_10_kwh = 10 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/qheatv2/464c94f2e2",
              "the driver derives energy_delta_10_kwh = -32768 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/qheatv2/c575ae7c6d",
              "the driver derives energy_delta_10_kwh = 295.611111 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/qualcosonic/153457af21",
              "the driver derives flow_return_temperature_difference_c = 32 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/qualcosonic/74a2b67b42",
              "the driver derives flow_return_temperature_difference_c = 27.76 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/qwater/0c8f6e019a",
              "the records end mid-record where the driver reads a manufacturer-specific layout"),
          Map.entry(
              "wmbusmeters/qwater/2321372fb5",
              "the driver derives volume_flow_m3h = 0 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/qwater/40a4eef3ea",
              "the driver derives due_17_date_m3 = 5.819 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/qwater/6eba02cd07",
              "the driver derives due_17_date_m3 = 42.233 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/qwaterv2/b9aead1bab",
              "the driver derives volume_flow_m3h = 0 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/tsd2/15f81d6e17",
              "manufacturer-specific CI 0xA0: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/tsd2/1ab35902a5",
              "manufacturer-specific CI 0xA0: needs its manufacturer decoder"),
          Map.entry(
              "wmbusmeters/unismart/22de4b2d69",
              "the records end mid-record where the driver reads a manufacturer-specific layout"),
          Map.entry(
              "wmbusmeters/zenner0b/61b0d3a09d",
              "the driver derives target_m3 = 7.1035 from manufacturer-specific data"),
          Map.entry(
              "wmbusmeters/zenner0b/91bd218866",
              "the driver derives target_m3 = 7.1035 from manufacturer-specific data"));

  /** Vectors another decoder accepts that ours rejects on purpose, with the reason it must give. */
  static final Map<String, RejectionReason> REJECTED_BY_DESIGN =
      Map.of(
          // jmbus does not check the AFL MAC; this example's MAC does not verify with its key
          "jmbus/VariableDataStructureTest/b1eae1b4af", RejectionReason.MAC_MISMATCH,
          // two bytes shorter than its L field: jmbus reads the header only
          "jmbus/WMbusDemoMessageTest/5a5ea85647", RejectionReason.TRUNCATED,
          // CFG announces 4 encrypted blocks (64 bytes) but 63 bytes follow the header
          "wireless-mbus-parser/99e035ed14", RejectionReason.BAD_HEADER,
          // a key is configured but the telegram is in clear (mode 0): not authentic
          "wireless-mbus-parser/7264fc4cf8", RejectionReason.NOT_AUTHENTIC,
          // compact frames whose full frame is not in the set: wmbusmeters knows the Kamstrup
          // formats by heart, we learn them from the meter's own full frame
          "wmbusmeters/multical21/187bda6a7e", RejectionReason.COMPACT_FORMAT_UNKNOWN,
          "wmbusmeters/multical21/bbfd94c4b6", RejectionReason.COMPACT_FORMAT_UNKNOWN);

  @TestFactory
  List<DynamicTest> everyVectorDecodesAsTheOtherDecoderSaysOrIsListedWithItsReason() {
    List<DynamicTest> tests = new ArrayList<>();
    for (WmbusVectors.Vector vector : WmbusVectors.all()) {
      tests.add(DynamicTest.dynamicTest(vector.id(), () -> check(vector)));
    }
    return tests;
  }

  private static void check(WmbusVectors.Vector vector) {
    RadioDecoder decoder = WmbusVectors.decoderFor(vector);
    if (vector.expectError() || REJECTED_BY_DESIGN.containsKey(vector.id())) {
      FrameRejectedException e =
          assertThrows(FrameRejectedException.class, () -> decoder.decode(vector.telegram(), -70));
      assertFalse(e.getMessage().isBlank());
      assertNotEquals(RejectionReason.INTERNAL_ERROR, e.reason(), e.getMessage());
      RejectionReason expected = REJECTED_BY_DESIGN.get(vector.id());
      if (expected != null) {
        assertEquals(expected, e.reason(), e.getMessage());
      }
      return;
    }
    RadioTelegram telegram;
    try {
      telegram = decoder.decode(vector.telegram(), -70);
    } catch (FrameRejectedException e) {
      assertNotEquals(RejectionReason.INTERNAL_ERROR, e.reason(), e.getMessage());
      if (SKIPPED.containsKey(vector.id())) {
        return;
      }
      throw new AssertionError(vector.id() + " rejected: " + e.getMessage(), e);
    }
    assertEquals(Optional.of(-70), telegram.link().rssiDbm());
    if (!SKIPPED.containsKey(vector.id())) {
      List<String> mismatches = ExpectedValues.mismatches(vector, telegram);
      if (!mismatches.isEmpty()) {
        fail(vector.id() + ": " + mismatches);
      }
    }
  }

  @Test
  void theCountsOfComparedSkippedAndRejectedVectorsAreKnown() {
    List<WmbusVectors.Vector> all = WmbusVectors.all();
    long errors = all.stream().filter(WmbusVectors.Vector::expectError).count();
    assertEquals(175, all.size());
    assertEquals(8, errors);
    assertEquals(47, SKIPPED.size());
    assertEquals(6, REJECTED_BY_DESIGN.size());
    assertTrue(all.stream().map(WmbusVectors.Vector::id).toList().containsAll(SKIPPED.keySet()));
  }

  @Test
  void aClearTelegramFromAMeterWithAKeyDecodesOnceTheKeyIsRemoved() throws Exception {
    WmbusVectors.Vector vector = byId("wireless-mbus-parser/7264fc4cf8");
    RadioTelegram telegram = new RadioDecoder(KeyLookup.NONE).decode(vector.telegram(), null);
    assertEquals(List.of(), ExpectedValues.mismatches(vector, telegram));
    assertFalse(telegram.link().authenticated());
  }

  static WmbusVectors.Vector byId(String id) {
    return WmbusVectors.all().stream()
        .filter(v -> v.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no vector " + id));
  }
}
