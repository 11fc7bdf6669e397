package io.releve.gateway.store;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.reading.Reading;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * More work done in the transaction that stores a batch of readings, after they are inserted: what
 * the readings caused (alerts, events) is then committed with them or not at all.
 */
@FunctionalInterface
public interface BatchWork {

  /** Does nothing. */
  BatchWork NONE = (connection, devices, firstSeq, stored) -> {};

  /**
   * @param connection the transaction's connection; the batch's readings are visible in it
   * @param devices the devices table's row ids
   * @param firstSeq the sequence number of the batch's first reading (the next number when it has
   *     none): rows numbered below it were stored by earlier batches
   * @param stored the batch's readings with their time as stored: a reading stamped before the
   *     clock's synchronisation and stored after it has its true time (DESIGN §3.5)
   */
  void run(Connection connection, DeviceIds devices, long firstSeq, List<Reading> stored)
      throws SQLException;

  /** Finds or creates a device's row in the running transaction. */
  @FunctionalInterface
  interface DeviceIds {
    long of(DeviceIdentity identity) throws SQLException;
  }
}
