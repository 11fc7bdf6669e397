package io.releve.cloud.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on the database's connection inside a transaction; see {@link Database#write}. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
