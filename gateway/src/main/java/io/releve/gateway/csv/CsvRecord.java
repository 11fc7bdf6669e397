package io.releve.gateway.csv;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param line the line it starts on, from 1 (a quoted field may span lines)
 * @param fields its fields, unquoted
 */
public record CsvRecord(int line, List<String> fields) {
  public CsvRecord {
    fields = List.copyOf(fields);
  }
}
