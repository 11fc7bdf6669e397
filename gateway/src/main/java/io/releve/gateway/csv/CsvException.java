package io.releve.gateway.csv;

/** The text is not well-formed CSV; the message names the line. */
public class CsvException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;

  public CsvException(int line, String message) {
    super("line " + line + ": " + message);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
