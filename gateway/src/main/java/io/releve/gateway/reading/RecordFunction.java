package io.releve.gateway.reading;

/** The function field of a data record's DIF (EN 13757-3, bits 4–5). */
public enum RecordFunction {
  INSTANTANEOUS("instantaneous"),
  MAXIMUM("maximum"),
  MINIMUM("minimum"),
  ERROR("error");

  private final String label;

  RecordFunction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static RecordFunction fromLabel(String label) {
    for (RecordFunction function : values()) {
      if (function.label.equals(label)) {
        return function;
      }
    }
    throw new IllegalArgumentException("Function [" + label + "] is not known.");
  }
}
