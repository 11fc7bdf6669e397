package io.releve.gateway.store;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The code of a site (a building or a group of buildings): two letters and three digits, such as
 * {@code AB123}. Kept in upper case.
 */
public record SiteCode(String value) {

  private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}[0-9]{3}");

  public SiteCode {
    Objects.requireNonNull(value, "value");
    value = value.strip().toUpperCase(Locale.ROOT);
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "Site code [" + value + "] must be two letters and three digits, such as AB123.");
    }
  }

  public static SiteCode of(String text) {
    return new SiteCode(text);
  }

  @Override
  public String toString() {
    return value;
  }
}
