package io.releve.portal.export;

import io.releve.portal.web.Messages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement as a CSV file that a spreadsheet of the reader's language opens without an import
 * dialog: UTF-8 with a byte order mark (without it, French spreadsheet software reads Windows-1252
 * and spoils {@code m³} and accents), {@code ;} between fields, CRLF line ends, a header line in
 * the language, dates {@code dd/MM/yyyy HH:mm} on the site's clock, and decimals with a comma in
 * French, a point in English, never a thousands separator.
 *
 * <p>A field holding {@code ;}, a double quote, a line break or leading or trailing spaces is
 * quoted, its quotes doubled. A text field that starts with {@code = + - @}, a tab or a carriage
 * return gets a leading apostrophe, so that a name or a room label typed as a formula is shown,
 * never run, by the spreadsheet.
 */
public final class IndexCsv {

  /** The content type to serve the file with. */
  public static final String CONTENT_TYPE = "text/csv; charset=utf-8";

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String SEPARATOR = ";";
  private static final String LINE_END = "\r\n";
  private static final DateTimeFormatter FILE_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private IndexCsv() {}

  /** The file's bytes, BOM first; the texts and the notation are those of {@code m}'s language. */
  public static byte[] bytes(Statement statement, Messages m) {
    StringBuilder out = new StringBuilder();
    line(
        out,
        List.of(
            m.get("export.site"),
            m.get("export.address"),
            m.get("export.lot"),
            m.get("export.resident"),
            m.get("export.fluid"),
            m.get("export.medium"),
            m.get("export.serial"),
            m.get("export.room"),
            m.get("export.index"),
            m.get("export.unit"),
            m.get("export.read")));
    for (IndexLine index : statement.lines()) {
      List<String> fields = new ArrayList<>();
      fields.add(text(statement.siteCode()));
      fields.add(text(statement.address()));
      fields.add(text(statement.lot()));
      fields.add(text(statement.resident()));
      fields.add(text(Texts.fluid(index.fluid(), m)));
      fields.add(text(Texts.medium(index.medium(), m)));
      fields.add(text(index.serial()));
      fields.add(text(index.room()));
      fields.add(Texts.decimal(index.value(), m.lang()));
      fields.add(text(Texts.unit(index.unit())));
      fields.add(Texts.readAt(index.readAt(), statement.zone()));
      line(out, fields);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(BOM);
    bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  /**
   * A file name made of ASCII letters, digits and dashes only: {@code
   * releve-AB123-lot-12-2026-11-28.csv} (the day the statement is made, on the site's clock);
   * without {@code -lot-…} when the dwelling has no lot.
   */
  public static String fileName(Statement statement) {
    StringBuilder name = new StringBuilder("releve-").append(safe(statement.siteCode()));
    String lot = safe(statement.lot());
    if (!lot.isEmpty()) {
      name.append("-lot-").append(lot);
    }
    return name.append('-')
        .append(FILE_DAY.format(statement.madeLocally()))
        .append(".csv")
        .toString();
  }

  /**
   * {@code text} with runs of anything but ASCII letters and digits as one dash, none at the ends.
   */
  private static String safe(String text) {
    return text.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  /** A text field, defused if a spreadsheet would take it for a formula. */
  private static String text(String value) {
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      return "'" + value;
    }
    return value;
  }

  private static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(SEPARATOR);
      }
      out.append(quoted(fields.get(i)));
    }
    out.append(LINE_END);
  }

  /** The field, quoted when it would otherwise be read back differently. */
  static String quoted(String field) {
    boolean needs =
        field.contains(SEPARATOR)
            || field.indexOf('"') >= 0
            || field.indexOf('\n') >= 0
            || field.indexOf('\r') >= 0
            || (!field.isEmpty() && (field.strip().length() != field.length()));
    return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
