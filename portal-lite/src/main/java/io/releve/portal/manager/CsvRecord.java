package io.releve.portal.manager;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param line the file's line number where the record starts (1 is the header)
 * @param fields its fields, stripped of surrounding whitespace and quotes
 * @param unclosedQuote true when the file ended inside a quoted field of this record
 */
record CsvRecord(int line, List<String> fields, boolean unclosedQuote) {

  CsvRecord {
    fields = List.copyOf(fields);
  }

  /** Whether the record holds nothing but whitespace (a blank line, usually the last). */
  boolean isBlank() {
    return fields.stream().allMatch(String::isEmpty);
  }
}
