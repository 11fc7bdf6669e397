package io.releve.portal.manager;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The four files a landlord sends, each with the header it must start with. */
public enum ImportKind {
  ADDRESSES("addresses", "site", "street", "postcode", "city"),
  DWELLINGS("dwellings", "site", "dwelling", "lot", "client_ref"),
  OCCUPANCIES(
      "occupancies", "client_ref", "last_name", "first_name", "email", "move_in", "move_out"),
  MANAGERS("managers", "email", "last_name", "first_name", "sites");

  private final String value;
  private final List<String> header;

  ImportKind(String value, String... header) {
    this.value = value;
    this.header = List.of(header);
  }

  /** The name used in forms and on the command line ({@code dwellings}). */
  public String value() {
    return value;
  }

  /** The column names, in order. */
  public List<String> header() {
    return header;
  }

  /** The header line as it must be written: {@code site;dwelling;lot;client_ref}. */
  public String headerLine() {
    return String.join(String.valueOf(Csv.SEPARATOR), header);
  }

  /** The kind named {@code value}; empty when none is. */
  public static Optional<ImportKind> parse(String value) {
    return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst();
  }
}
