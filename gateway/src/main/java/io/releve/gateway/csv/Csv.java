package io.releve.gateway.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 writes it: comma-separated fields, a field in double quotes may hold commas, line
 * breaks and doubled quotes ({@code ""}). Lines end with LF or CRLF; a leading byte order mark is
 * ignored; blank lines are skipped.
 */
public final class Csv {

  private static final char QUOTE = '"';
  private static final char SEPARATOR = ',';
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  /**
   * Splits text into records.
   *
   * @throws CsvException when a quoted field is not closed, or text follows its closing quote
   */
  public static List<CsvRecord> parse(String text) throws CsvException {
    List<CsvRecord> records = new ArrayList<>();
    int start = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
    int line = 1;
    int recordLine = 1;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean afterQuote = false;
    int quoteLine = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == QUOTE) {
          if (i + 1 < text.length() && text.charAt(i + 1) == QUOTE) {
            field.append(QUOTE);
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == SEPARATOR) {
        fields.add(field.toString());
        field.setLength(0);
        afterQuote = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        addUnlessBlank(records, recordLine, fields);
        fields = new ArrayList<>();
        field.setLength(0);
        afterQuote = false;
        line++;
        recordLine = line;
      } else if (afterQuote) {
        throw new CsvException(line, "text after the closing quote of a field");
      } else if (c == QUOTE && field.isEmpty()) {
        quoted = true;
        quoteLine = line;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new CsvException(quoteLine, "a quoted field is not closed");
    }
    if (!field.isEmpty() || !fields.isEmpty() || afterQuote) {
      fields.add(field.toString());
      addUnlessBlank(records, recordLine, fields);
    }
    return records;
  }

  private static void addUnlessBlank(List<CsvRecord> records, int line, List<String> fields) {
    if (fields.size() == 1 && fields.get(0).isBlank()) {
      return;
    }
    records.add(new CsvRecord(line, fields));
  }

  /** One line of CSV, without its line end; fields are quoted when they need it. */
  public static String line(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(SEPARATOR);
      }
      String field = fields.get(i);
      line.append(quote(field == null ? "" : field));
    }
    return line.toString();
  }

  private static String quote(String field) {
    boolean needsQuotes =
        field.indexOf(SEPARATOR) >= 0
            || field.indexOf(QUOTE) >= 0
            || field.indexOf('\n') >= 0
            || field.indexOf('\r') >= 0
            || !field.equals(field.strip());
    if (!needsQuotes) {
      return field;
    }
    return QUOTE + field.replace("\"", "\"\"") + QUOTE;
  }

  private Csv() {}
}
