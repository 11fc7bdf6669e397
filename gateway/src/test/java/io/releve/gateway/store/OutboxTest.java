package io.releve.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.contract.EventEntry;
import io.releve.gateway.reading.ClockState;
import io.releve.gateway.reading.Quantity;
import io.releve.gateway.reading.Reading;
import io.releve.gateway.reading.RecordFunction;
import io.releve.gateway.reading.Unit;
import io.releve.gateway.reading.Value;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

  @TempDir Path folder;

  @Test
  void aMetersTextWithControlCharactersTravelsWithThemEscaped() {
    try (Database database = Database.open(folder.resolve("releve.db"), TestReadings.CLOCK)) {
      Reading firmware =
          new Reading(
              TestReadings.HEAT,
              TestReadings.HEAT.medium(),
              Quantity.FIRMWARE_VERSION,
              Value.of("V1.2\u0000\u0000"),
              Unit.NONE,
              0,
              0,
              0,
              RecordFunction.INSTANTANEOUS,
              null,
              TestReadings.T0,
              ClockState.SYNCHRONISED,
              "bus0",
              null,
              0);
      new ReadingStore(database).storeBatch(List.of(firmware), List.of());

      OutboxBatch batch = new Outbox(database).after(0, 10);

      assertEquals("V1.2\\x00\\x00", batch.readings().get(0).value());
    }
  }

  @Test
  void aRowTheContractRefusesIsReplacedByAnEventAtItsSeqAndTheRestFlows() {
    try (Database database = Database.open(folder.resolve("releve.db"), TestReadings.CLOCK)) {
      new ReadingStore(database)
          .storeBatch(TestReadings.series(TestReadings.WATER, 3, TestReadings.T0), List.of());
      database.write(
          "break the second reading",
          Durability.NORMAL,
          c -> {
            try (Statement s = c.createStatement()) {
              return s.executeUpdate("UPDATE readings SET unit = 'FURLONG' WHERE outbox_seq = 2");
            }
          });

      OutboxBatch batch = new Outbox(database).after(0, 10);

      assertEquals(List.of(1L, 3L), batch.readings().stream().map(r -> r.seq()).toList());
      EventEntry standIn = batch.events().get(0);
      assertEquals(2, standIn.seq());
      assertEquals(Outbox.UNSENDABLE, standIn.type());
      assertNull(standIn.device());
      assertTrue(standIn.detail().startsWith("reading seq 2 refused by the contract: "));
      assertEquals(3, batch.lastSeq());
    }
  }
}
