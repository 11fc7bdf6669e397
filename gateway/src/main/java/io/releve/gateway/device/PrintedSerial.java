package io.releve.gateway.device;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The serial number printed on a meter's label, as residents read it ("H8CA029620"). Often not the
 * M-Bus id. Kept normalised: upper case, without spaces, dashes, dots or slashes, so that "h8ca-029
 * 620" and "H8CA029620" are the same serial.
 */
public record PrintedSerial(String value) {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-./]");
  private static final Pattern ALLOWED = Pattern.compile("[A-Z0-9]{1,32}");

  public PrintedSerial {
    Objects.requireNonNull(value, "value");
    if (!ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "Printed serial [" + value + "] must be 1 to 32 letters or digits once normalised.");
    }
  }

  /** Normalises what a person typed; throws {@link IllegalArgumentException} naming the input. */
  public static PrintedSerial of(String typed) {
    Objects.requireNonNull(typed, "typed");
    String normalised = SEPARATORS.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
    if (!ALLOWED.matcher(normalised).matches()) {
      throw new IllegalArgumentException(
          "Printed serial ["
              + typed
              + "] must be 1 to 32 letters or digits (spaces and dashes are ignored).");
    }
    return new PrintedSerial(normalised);
  }

  @Override
  public String toString() {
    return value;
  }
}
