package io.releve.cloud.ingest;

import io.releve.cloud.store.Database;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A query's rows as {@code a|b|c} lines, for tests that check what the bridge stored. */
final class QueryRows {

  private QueryRows() {}

  static List<String> of(Database database, String sql) {
    return database.read(
        "test query",
        c -> {
          List<String> rows = new ArrayList<>();
          try (Statement statement = c.createStatement();
              ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
              StringBuilder row = new StringBuilder();
              for (int i = 1; i <= columns; i++) {
                row.append(i > 1 ? "|" : "").append(result.getString(i));
              }
              rows.add(row.toString());
            }
          }
          return rows;
        });
  }
}
