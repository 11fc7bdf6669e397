package io.releve.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on the database's single connection inside a transaction; see {@link
 * Database#write(String, Durability, SqlWork)}.
 */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
