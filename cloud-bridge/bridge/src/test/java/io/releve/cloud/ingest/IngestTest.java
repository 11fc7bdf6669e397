package io.releve.cloud.ingest;

import static io.releve.cloud.Batches.AT;
import static io.releve.cloud.Batches.EPOCH;
import static io.releve.cloud.Batches.GATEWAY;
import static io.releve.cloud.Batches.OTHER_EPOCH;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.releve.cloud.Batches;
import io.releve.cloud.TestStores;
import io.releve.cloud.store.Database;
import io.releve.contract.AlertEntry;
import io.releve.contract.EventEntry;
import io.releve.contract.Golden;
import io.releve.contract.Status;
import io.releve.contract.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTest {

  private static final String READINGS = Topics.upReadings(GATEWAY);
  private static final String EVENTS = Topics.upEvents(GATEWAY);
  private static final String INVENTORY = Topics.upInventory(GATEWAY);

  @TempDir Path folder;
  private Database database;
  private Ingest ingest;

  @BeforeEach
  void open() {
    database =
        TestStores.open(folder, Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));
    ingest = new Ingest(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void goldenBatches_areStoredFieldByField_andAckedUpToTheirLastSeq() {
    // pending_from 39: seqs below were acknowledged or are gone
    assertEquals(40, acked(ingest.handle(INVENTORY, Golden.INVENTORY.bytes())));
    assertEquals(43, acked(ingest.handle(READINGS, Golden.READINGS.bytes())));
    assertEquals(48, acked(ingest.handle(EVENTS, Golden.EVENTS.bytes())));

    assertEquals(
        List.of(
            "41|SEN-12345601-68-16|cold_water|volume|123.456|number|m3|0|0|0|instantaneous|"
                + ms("2026-11-24T17:59:00Z")
                + "|"
                + ms("2026-11-24T18:00:02.317Z")
                + "|synchronised|east|null|0",
            "42|SEN-12345601-68-16|cold_water|volume|118.002|number|m3|1|0|0|instantaneous|"
                + ms("2026-10-31T23:00:00Z")
                + "|"
                + ms("2026-11-24T18:00:02.317Z")
                + "|synchronised|east|null|0",
            "43|QDS-30000101-35-08|heat_cost_allocator|heat_cost_allocation|412|number|HCA|0|0|0"
                + "|instantaneous|null|"
                + ms("2026-11-24T18:00:09Z")
                + "|synchronised|stick|-71|0",
            "46|QDS-30000101-35-08|heat_cost_allocator|date|2026-12-31|text||1|0|0|instantaneous"
                + "|null|"
                + ms("2026-11-24T18:00:09Z")
                + "|synchronised|stick|-71|0"),
        rows(
            "SELECT seq, device, medium, quantity, value, value_kind, unit, storage, tariff,"
                + " subunit, function, meter_time, received_at, clock_state, source, rssi, status"
                + " FROM readings WHERE gateway = 'rl042-gw1' AND epoch = '"
                + EPOCH
                + "' ORDER BY seq"));
    assertEquals(
        List.of(
            "44|SEN-12345601-68-16|"
                + ms("2026-11-24T18:00:02.317Z")
                + "|leak_opened|level 1, 0.120 m³ lost, 5.00 L/h on average, since"
                + " 2026-11-23T18:00:00Z (flow)|7|leak||1|"
                + ms("2026-11-23T18:00:00Z")
                + "|"
                + ms("2026-11-24T18:00:02.317Z")
                + "|null|0.120|5.00|flow",
            "45|SEN-12345602-68-06|"
                + ms("2026-11-24T17:00:00Z")
                + "|rollover|index 99999.99 m³ then 0.01 m³|null|null|null|null|null|null|null"
                + "|null|null|null",
            "48|KAM-51000301-1B-16|"
                + ms("2026-11-24T18:05:11.042Z")
                + "|meter_alarm_closed|burst, since 2026-11-24T06:05:10.880Z until"
                + " 2026-11-24T18:05:11.042Z (Kamstrup info code 0x0008, bit 3 (record 02 FF 20))"
                + "|6|meter_alarm|burst|null|"
                + ms("2026-11-24T06:05:10.880Z")
                + "|"
                + ms("2026-11-24T06:05:10.880Z")
                + "|"
                + ms("2026-11-24T18:05:11.042Z")
                + "|null|null|Kamstrup info code 0x0008, bit 3 (record 02 FF 20)"),
        rows(
            "SELECT seq, device, at, type, detail, alert_id, alert_type, alert_condition,"
                + " alert_level, alert_start, alert_detected_at, alert_end, alert_total_loss_m3,"
                + " alert_average_flow_lph, alert_source FROM events ORDER BY seq"));
    assertEquals(
        List.of(
            "39|installed|SEN-12345601-68-16|cold_water|RL042|A01|12|H8CA029620|null",
            "40|installed|QDS-30000101-35-08|heat_cost_allocator|RL042|A01|12|6QDS3000010|Séjour",
            "47|removed|SEN-12345604-68-16|null|null|null|null|null|null"),
        rows(
            "SELECT seq, action, device, medium, site, dwelling, lot, printed_serial, room"
                + " FROM inventory_changes ORDER BY seq"));
    assertEquals(
        List.of("6|meter_alarm|burst|" + ms("2026-11-24T18:05:11.042Z") + "|48", "7|leak||null|44"),
        rows(
            "SELECT alert_id, type, condition, ended_at, event_seq FROM alerts ORDER BY alert_id"));
  }

  @Test
  void theSameBatchTwice_isStoredOnce_andAckedBothTimes() {
    Outcome first = ingest.handle(READINGS, Batches.readings(EPOCH, 1, 2, 3));
    Outcome second = ingest.handle(READINGS, Batches.readings(EPOCH, 1, 2, 3));

    assertEquals(new Outcome.Acked(GATEWAY, ack(3), 3, 0), first);
    assertEquals(new Outcome.Acked(GATEWAY, ack(3), 0, 3), second);
    assertEquals(List.of("3"), rows("SELECT count(*) FROM readings"));
  }

  @Test
  void aGap_holdsTheAck_untilTheMissingSeqsArrive() {
    assertEquals(2, acked(ingest.handle(READINGS, Batches.readings(EPOCH, 1, 2))));
    assertEquals(2, acked(ingest.handle(READINGS, Batches.readings(EPOCH, 5, 6))));
    assertEquals(6, acked(ingest.handle(READINGS, Batches.readings(EPOCH, 3, 4))));
  }

  @Test
  void seqsAcrossKinds_countTogether() {
    ingest.handle(READINGS, Batches.readings(EPOCH, 1, 3));
    Outcome events =
        ingest.handle(EVENTS, Batches.events(new EventEntry(2, null, AT, "health", "", null)));
    assertEquals(3, acked(events));
  }

  @Test
  void withoutSeqOne_nothingIsAcked_yetTheRowsAreKept() {
    Outcome outcome = ingest.handle(READINGS, Batches.readings(EPOCH, 5, 6));

    assertEquals(new Outcome.NothingToAck(GATEWAY, 2, 0), outcome);
    assertEquals(List.of("2"), rows("SELECT count(*) FROM readings"));
  }

  @Test
  void pendingFrom_letsTheAckSkipSeqsTheGatewayDeleted() {
    assertEquals(12, acked(ingest.handle(READINGS, Batches.readingsPendingFrom(10, 10, 11, 12))));
    assertEquals(List.of("12"), rows("SELECT contiguous_seq FROM epochs"));
  }

  @Test
  void pendingFrom_neverMovesTheAckBack() {
    ingest.handle(READINGS, Batches.readings(EPOCH, 1, 2, 3, 4));
    assertEquals(4, acked(ingest.handle(READINGS, Batches.readingsPendingFrom(2, 2, 3))));
  }

  @Test
  void anotherEpochOfTheSameGateway_isCountedApart() {
    assertEquals(3, acked(ingest.handle(READINGS, Batches.readings(EPOCH, 1, 2, 3))));
    Outcome other = ingest.handle(READINGS, Batches.readings(OTHER_EPOCH, 1));

    assertEquals(
        new Outcome.Acked(GATEWAY, new io.releve.contract.Ack(OTHER_EPOCH, 1), 1, 0), other);
    assertEquals(
        List.of(EPOCH + "|3", OTHER_EPOCH + "|1"),
        rows("SELECT epoch, contiguous_seq FROM epochs ORDER BY id"));
  }

  @Test
  void aPayloadThatBreaksTheContract_isRefusedCountedAndNotStored() {
    Outcome outcome =
        ingest.handle(READINGS, "{\"v\": 1, \"gateway\": \"rl042-gw1\"}".getBytes(UTF_8));

    Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, outcome);
    assertEquals(
        "Topic [releve/v1/rl042-gw1/up/readings]: Field [epoch] is missing or null.",
        refused.reason());
    assertEquals(List.of("0"), rows("SELECT count(*) FROM readings"));
    assertEquals(List.of("rl042-gw1|1"), rows("SELECT gateway, count FROM refusals"));
  }

  @Test
  void aBatchOnAnotherGatewaysTopic_isRefused() {
    Outcome outcome =
        ingest.handle(
            Topics.upReadings(io.releve.contract.GatewayId.of("rl043-gw1")),
            Batches.readings(EPOCH, 1));

    assertEquals(
        new Outcome.Refused(
            "Topic [releve/v1/rl043-gw1/up/readings] is a gateway's own topic, but the payload's"
                + " gateway is [rl042-gw1]."),
        outcome);
    assertEquals(List.of("0"), rows("SELECT count(*) FROM readings"));
    assertEquals(List.of("rl043-gw1|1"), rows("SELECT gateway, count FROM refusals"));
  }

  @Test
  void aBadTopic_isRefusedAndCountedWithoutAGateway() {
    Outcome outcome = ingest.handle("releve/v1/RL042/up/readings", Batches.readings(EPOCH, 1));

    assertInstanceOf(Outcome.Refused.class, outcome);
    assertEquals(List.of("|1"), rows("SELECT gateway, count FROM refusals"));
    FleetStatus.Report report = FleetStatus.read(database);
    assertEquals(1, report.refusedWithoutGateway());
  }

  @Test
  void statuses_birthThenWillAreRecorded_andAnOlderOneIsIgnored() {
    Instant session = Instant.parse("2026-11-24T06:12:09.481Z");
    assertApplied(
        true, ingest.handle(Topics.status(GATEWAY), Batches.status(Status.State.ONLINE, session)));
    assertEquals(List.of("online|" + session.toEpochMilli() + "|0.1.0|" + EPOCH), gatewayRow());

    // the will carries the time its session began: the same as the birth's, and it wins
    assertApplied(
        true, ingest.handle(Topics.status(GATEWAY), Batches.status(Status.State.OFFLINE, session)));
    assertEquals(List.of("offline|" + session.toEpochMilli() + "|0.1.0|" + EPOCH), gatewayRow());

    // a redelivered birth of that session, and one of an earlier session, change nothing
    assertApplied(
        false, ingest.handle(Topics.status(GATEWAY), Batches.status(Status.State.ONLINE, session)));
    assertApplied(
        false,
        ingest.handle(
            Topics.status(GATEWAY), Batches.status(Status.State.ONLINE, session.minusSeconds(60))));
    assertEquals(List.of("offline|" + session.toEpochMilli() + "|0.1.0|" + EPOCH), gatewayRow());

    Instant next = session.plusSeconds(600);
    assertApplied(
        true, ingest.handle(Topics.status(GATEWAY), Batches.status(Status.State.ONLINE, next)));
    assertEquals(List.of("online|" + next.toEpochMilli() + "|0.1.0|" + EPOCH), gatewayRow());
  }

  @Test
  void inventory_installsMovesAndRemovesDevices_whateverTheOrderOfDelivery() {
    // seq 3 (moved to B02) arrives before seq 1 (installed in A01): seq 1 must not undo it
    ingest.handle(
        INVENTORY, Batches.inventory(Batches.installed(3, "SEN-12345601-68-16", "B02", "7", null)));
    ingest.handle(
        INVENTORY,
        Batches.inventory(
            Batches.installed(1, "SEN-12345601-68-16", "A01", "12", null),
            Batches.installed(2, "QDS-30000101-35-08", "A01", "12", "Séjour"),
            Batches.removed(4, "SEN-12345699-68-16")));
    // redelivered: nothing changes
    ingest.handle(
        INVENTORY,
        Batches.inventory(Batches.installed(1, "SEN-12345601-68-16", "A01", "12", null)));

    assertEquals(
        List.of(
            "QDS-30000101-35-08|installed|A01|Séjour",
            "SEN-12345601-68-16|installed|B02|null",
            "SEN-12345699-68-16|removed|null|null"),
        rows(
            "SELECT d.device, d.state, w.label, r.label FROM devices d"
                + " LEFT JOIN dwellings w ON w.id = d.dwelling LEFT JOIN rooms r ON r.id = d.room"
                + " ORDER BY d.device"));

    ingest.handle(INVENTORY, Batches.inventory(Batches.removed(5, "QDS-30000101-35-08")));
    var sites = io.releve.cloud.registry.Registry.sites(database);
    assertEquals(1, sites.size());
    assertEquals("RL042", sites.get(0).code());
    assertEquals(
        List.of("A01 12 []", "B02 7 [SEN-12345601-68-16]"),
        sites.get(0).dwellings().stream()
            .map(
                d ->
                    d.label()
                        + " "
                        + d.lot()
                        + " "
                        + d.devices().stream().map(x -> x.key()).toList())
            .toList());
  }

  @Test
  void anAlertUpdate_fromAnEarlierEvent_neverOverridesALaterOne() {
    AlertEntry open = leak(null);
    AlertEntry closed = leak(AT.plusSeconds(3600));
    ingest.handle(
        EVENTS,
        Batches.events(new EventEntry(9, "SEN-12345601-68-16", AT, "leak_closed", "", closed)));
    ingest.handle(
        EVENTS,
        Batches.events(new EventEntry(8, "SEN-12345601-68-16", AT, "leak_opened", "", open)));

    assertEquals(
        List.of(AT.plusSeconds(3600).toEpochMilli() + "|9"),
        rows("SELECT ended_at, event_seq FROM alerts"));
  }

  private static AlertEntry leak(Instant end) {
    return new AlertEntry(7, "leak", "", 1, AT, AT, end, "0.120", "5.00", "flow");
  }

  private static void assertApplied(boolean applied, Outcome outcome) {
    assertEquals(applied, assertInstanceOf(Outcome.StatusSeen.class, outcome).applied());
  }

  private List<String> gatewayRow() {
    return rows("SELECT state, status_at, software, epoch FROM gateways");
  }

  private static io.releve.contract.Ack ack(long seq) {
    return new io.releve.contract.Ack(EPOCH, seq);
  }

  @Test
  void aBatchOfMoreRowsThanOneStatement_isStoredWhole_andItsRedeliveryCountsOnlyTheNewRows() {
    long[] first = LongStream.rangeClosed(1, 2 * UpRows.ROWS_PER_STATEMENT + 7).toArray();
    long[] more = LongStream.rangeClosed(1, 3 * UpRows.ROWS_PER_STATEMENT).toArray();

    Outcome stored = ingest.handle(READINGS, Batches.readings(EPOCH, first));
    Outcome again = ingest.handle(READINGS, Batches.readings(EPOCH, more));

    assertEquals(new Outcome.Acked(GATEWAY, ack(first.length), first.length, 0), stored);
    int fresh = more.length - first.length;
    assertEquals(new Outcome.Acked(GATEWAY, ack(more.length), fresh, first.length), again);
    assertEquals(
        List.of(more.length + "|" + more.length),
        QueryRows.of(database, "SELECT count(*), max(seq) FROM readings"));
  }

  @Test
  void aBatchAtTheTopOfTheSeqRange_isStoredAndAcked_withoutOverflow() {
    long top = Long.MAX_VALUE;

    Outcome outcome = ingest.handle(READINGS, Batches.readingsPendingFrom(top - 1, top - 1, top));

    assertEquals(new Outcome.Acked(GATEWAY, ack(top), 2, 0), outcome);
  }

  @Test
  void aSeqHeldInTwoTables_doesNotStopTheAck() {
    ingest.handle(READINGS, Batches.readings(EPOCH, 1, 2));
    ingest.handle(EVENTS, Batches.events(new EventEntry(2, null, AT, "health", "", null)));

    assertEquals(3, acked(ingest.handle(READINGS, Batches.readings(EPOCH, 3))));
  }

  private static long acked(Outcome outcome) {
    return assertInstanceOf(Outcome.Acked.class, outcome).ack().ackedSeq();
  }

  private static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private List<String> rows(String sql) {
    return QueryRows.of(database, sql);
  }

  @Test
  void anEventWithoutAlert_leavesTheAlertsAlone() {
    ingest.handle(EVENTS, Batches.events(new EventEntry(1, null, AT, "health", "ok", null)));
    assertEquals(List.of("0"), rows("SELECT count(*) FROM alerts"));
    assertEquals(List.of("null"), rows("SELECT alert_id FROM events"));
  }
}
