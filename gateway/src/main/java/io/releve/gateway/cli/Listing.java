package io.releve.gateway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.gateway.csv.Csv;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a listing command prints its rows in each {@link OutputFormat}: its own table, CSV with a
 * header line, or one JSON object per line.
 */
final class Listing<T> {

  private final List<String> columns;
  private final Function<T, List<String>> cells;
  private final Function<T, ObjectNode> json;

  /**
   * @param columns the CSV header
   * @param cells a row's CSV cells, in {@code columns} order
   * @param json a row as one JSON object
   */
  Listing(List<String> columns, Function<T, List<String>> cells, Function<T, ObjectNode> json) {
    this.columns = List.copyOf(columns);
    this.cells = cells;
    this.json = json;
  }

  /** Prints {@code rows}; the table is the command's own, printed by {@code table}. */
  void print(PrintWriter out, OutputFormat format, List<T> rows, Consumer<PrintWriter> table)
      throws JsonProcessingException {
    switch (format) {
      case TABLE -> table.accept(out);
      case CSV -> {
        out.println(Csv.line(columns));
        for (T row : rows) {
          out.println(Csv.line(cells.apply(row)));
        }
      }
      case JSON -> {
        for (T row : rows) {
          out.println(JsonLines.line(json.apply(row)));
        }
      }
    }
    out.flush();
  }
}
