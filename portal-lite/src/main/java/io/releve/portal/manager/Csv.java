package io.releve.portal.manager;

import java.util.ArrayList;
import java.util.List;

/**
 * The landlords' CSV dialect (what spreadsheet software writes in France): {@code ;} between
 * fields, optional double quotes around a field ({@code ""} inside them is one quote, and a quoted
 * field may hold {@code ;} or a line break), lines ending with LF or CRLF. Decoding and the BOM are
 * the caller's.
 */
final class Csv {

  static final char SEPARATOR = ';';
  private static final char QUOTE = '"';

  private Csv() {}

  /** Splits {@code text} into records, each with the line number it starts on. */
  static List<CsvRecord> parse(String text) {
    List<CsvRecord> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean sawQuote = false;
    int line = 1;
    int start = 1;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == QUOTE && i + 1 < text.length() && text.charAt(i + 1) == QUOTE) {
          field.append(QUOTE);
          i++;
        } else if (ch == QUOTE) {
          quoted = false;
        } else {
          if (ch == '\n') {
            line++;
          }
          field.append(ch);
        }
      } else if (ch == QUOTE && field.toString().isBlank() && !sawQuote) {
        // a quote opens a quoted field only at its start; elsewhere it is an ordinary character
        quoted = true;
        sawQuote = true;
        field.setLength(0);
      } else if (ch == SEPARATOR) {
        fields.add(field.toString().strip());
        field.setLength(0);
        sawQuote = false;
      } else if (ch == '\n') {
        fields.add(field.toString().strip());
        records.add(new CsvRecord(start, fields, false));
        fields = new ArrayList<>();
        field.setLength(0);
        sawQuote = false;
        line++;
        start = line;
      } else if (ch != '\r') {
        field.append(ch);
      }
    }
    if (quoted || !fields.isEmpty() || !field.toString().isBlank()) {
      fields.add(field.toString().strip());
      records.add(new CsvRecord(start, fields, quoted));
    }
    return records;
  }
}
