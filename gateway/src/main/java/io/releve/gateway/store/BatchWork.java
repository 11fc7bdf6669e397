package io.releve.gateway.store;

import io.releve.gateway.device.DeviceIdentity;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * More work done in the transaction that stores a batch of readings, after they are inserted: what
 * the readings caused (alerts, events) is then committed with them or not at all.
 */
@FunctionalInterface
public interface BatchWork {

  /** Does nothing. */
  BatchWork NONE = (connection, devices, firstSeq) -> {};

  /**
   * @param connection the transaction's connection; the batch's readings are visible in it
   * @param devices the devices table's row ids
   * @param firstSeq the sequence number of the batch's first reading (the next number when it has
   *     none): rows numbered below it were stored by earlier batches
   */
  void run(Connection connection, DeviceIds devices, long firstSeq) throws SQLException;

  /** Finds or creates a device's row in the running transaction. */
  @FunctionalInterface
  interface DeviceIds {
    long of(DeviceIdentity identity) throws SQLException;
  }
}
