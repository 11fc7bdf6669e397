package io.releve.gateway.cli;

import io.releve.gateway.csv.Csv;
import io.releve.gateway.csv.CsvException;
import io.releve.gateway.csv.CsvRecord;
import io.releve.gateway.leak.IndexSample;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The readings file of {@code releve leaks analyze}: one index reading per line under the header
 * {@code meter,timestamp,index_m3}, optionally followed by {@code estimated}. Meters may be
 * interleaved and lines in any order; the detector sorts each meter's readings by time.
 */
final class IndexCsv {

  static final List<String> HEADER = List.of("meter", "timestamp", "index_m3");
  static final List<String> HEADER_WITH_ESTIMATED =
      List.of("meter", "timestamp", "index_m3", "estimated");

  /**
   * Plain decimal digits only: the index's decimals give the meter's resolution, so an exponent
   * ({@code 1.2E+3}) would change it behind the reader's back.
   */
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  /**
   * What a file held.
   *
   * @param meters each meter's readings in file order, by meter
   * @param latest the latest timestamp of the file; null when it has no reading
   * @param errors the problems, each as {@code FILE:LINE: column [name] has value [x]: problem}
   */
  record Parsed(Map<String, List<IndexSample>> meters, Instant latest, List<String> errors) {}

  private IndexCsv() {}

  static Parsed parse(String text, String file) {
    List<CsvRecord> records;
    try {
      records = Csv.parse(text);
    } catch (CsvException e) {
      return failed(file + ":" + e.getMessage());
    }
    List<String> header = records.isEmpty() ? List.of() : records.get(0).fields();
    if (!header.equals(HEADER) && !header.equals(HEADER_WITH_ESTIMATED)) {
      int line = records.isEmpty() ? 1 : records.get(0).line();
      return failed(
          file
              + ":"
              + line
              + ": the header must be exactly "
              + String.join(",", HEADER)
              + " or "
              + String.join(",", HEADER_WITH_ESTIMATED));
    }
    Map<String, List<IndexSample>> meters = new TreeMap<>();
    Instant latest = null;
    List<String> errors = new ArrayList<>();
    for (CsvRecord record : records.subList(1, records.size())) {
      Row row = new Row(file, record, header, errors);
      IndexSample sample = row.sample();
      if (sample == null) {
        continue;
      }
      meters.computeIfAbsent(row.meter(), meter -> new ArrayList<>()).add(sample);
      if (latest == null || sample.time().isAfter(latest)) {
        latest = sample.time();
      }
    }
    return new Parsed(meters, latest, errors);
  }

  private static Parsed failed(String error) {
    return new Parsed(Map.of(), null, List.of(error));
  }

  /** One line being read: collects its errors rather than stopping at the first. */
  private static final class Row {
    private final String file;
    private final CsvRecord record;
    private final List<String> header;
    private final List<String> errors;
    private final int errorsBefore;

    Row(String file, CsvRecord record, List<String> header, List<String> errors) {
      this.file = file;
      this.record = record;
      this.header = header;
      this.errors = errors;
      this.errorsBefore = errors.size();
    }

    String meter() {
      return field("meter").strip();
    }

    /** The reading on this line, or null after recording why not. */
    IndexSample sample() {
      if (record.fields().size() != header.size()) {
        errors.add(
            file
                + ":"
                + record.line()
                + ": expected "
                + header.size()
                + " columns, found "
                + record.fields().size());
        return null;
      }
      if (meter().isEmpty()) {
        error("meter", "must not be empty");
      }
      Instant time = time();
      BigDecimal index = index();
      boolean estimated = header.size() == HEADER_WITH_ESTIMATED.size() && estimated();
      if (errors.size() > errorsBefore) {
        return null;
      }
      return new IndexSample(time, index, estimated);
    }

    private Instant time() {
      try {
        return OffsetDateTime.parse(field("timestamp").strip()).toInstant();
      } catch (DateTimeParseException e) {
        error(
            "timestamp",
            "must be an ISO-8601 date-time with an offset or Z, such as 2025-03-10T08:00:00+01:00");
        return null;
      }
    }

    private BigDecimal index() {
      String text = field("index_m3").strip();
      if (!DECIMAL.matcher(text).matches()) {
        error("index_m3", "must be a decimal number of m³ with the meter's digits, such as 12.345");
        return null;
      }
      if (text.startsWith("-")) {
        error("index_m3", "must not be negative");
        return null;
      }
      return new BigDecimal(text);
    }

    private boolean estimated() {
      String text = field("estimated").strip();
      if (!text.equals("true") && !text.equals("false")) {
        error("estimated", "must be true or false");
        return false;
      }
      return text.equals("true");
    }

    private String field(String column) {
      return record.fields().get(header.indexOf(column));
    }

    private void error(String column, String problem) {
      errors.add(InventoryCsv.error(file, record.line(), column, field(column), problem));
    }
  }
}
