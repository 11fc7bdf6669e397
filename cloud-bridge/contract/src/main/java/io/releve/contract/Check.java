package io.releve.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation of payload fields, each failure a {@link ContractException} naming field and value.
 */
final class Check {

  /** A link-layer identity key as the gateway writes it: manufacturer, id, version and type. */
  static final Pattern DEVICE_KEY =
      Pattern.compile("[A-Z@]{3}-[0-9A-F]{8}-[0-9A-F]{2}-[0-9A-F]{2}");

  /** Open vocabularies (medium, quantity, event and alert types): new words may come within v1. */
  static final Pattern WORD = Pattern.compile("[a-z0-9_]{1,64}");

  /** An exact decimal as {@code BigDecimal.toPlainString()} writes it: never an exponent. */
  static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  static final Pattern NON_NEGATIVE_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  private Check() {}

  static <T> T present(String field, T value) {
    if (value == null) {
      throw ContractException.field(field, "is missing or null.");
    }
    return value;
  }

  static void version(int v) {
    if (v != Contract.VERSION) {
      throw ContractException.field(
          "v", "must be " + Contract.VERSION + " on this topic root, found [" + v + "].");
    }
  }

  static long seq(String field, long seq) {
    return atLeast(field, seq, 1);
  }

  static void pendingFrom(Long pendingFrom, long firstSeq) {
    if (pendingFrom != null) {
      seq("pending_from", pendingFrom);
      if (pendingFrom > firstSeq) {
        throw ContractException.field(
            "pending_from",
            "must not be above the first entry's seq "
                + firstSeq
                + ", found ["
                + pendingFrom
                + "].");
      }
    }
  }

  static long atLeast(String field, long value, long min) {
    if (value < min) {
      throw ContractException.field(field, "must be at least " + min + ", found [" + value + "].");
    }
    return value;
  }

  static int between(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw ContractException.field(
          field, "must lie between " + min + " and " + max + ", found [" + value + "].");
    }
    return value;
  }

  static String matches(String field, String value, Pattern pattern, String what) {
    present(field, value);
    if (!pattern.matcher(value).matches()) {
      throw ContractException.field(field, "must be " + what + ", found [" + value + "].");
    }
    return value;
  }

  static String deviceKey(String field, String value) {
    return matches(field, value, DEVICE_KEY, "a device key such as LUG-12345678-0A-07");
  }

  static String word(String field, String value) {
    return matches(
        field,
        value,
        WORD,
        "1 to 64 lower-case letters, digits or underscores, such as cold_water");
  }

  /** Free text that must say something: not blank, no control characters. */
  static String text(String field, String value, int maxLength) {
    present(field, value);
    if (value.isBlank()) {
      throw ContractException.field(field, "must not be blank, found [" + value + "].");
    }
    return anyText(field, value, maxLength);
  }

  /** Free text that may be empty: no control characters, at most {@code maxLength} characters. */
  static String anyText(String field, String value, int maxLength) {
    present(field, value);
    if (value.length() > maxLength) {
      throw ContractException.field(
          field,
          "must have at most "
              + maxLength
              + " characters, found "
              + value.length()
              + ": ["
              + value
              + "].");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw ContractException.field(
            field,
            "must not contain control characters, found [U+"
                + String.format(Locale.ROOT, "%04X", (int) value.charAt(i))
                + "] at index "
                + i
                + ".");
      }
    }
    return value;
  }

  /** Optional free text: null stays null, otherwise as {@link #text}. */
  static String optionalText(String field, String value, int maxLength) {
    return value == null ? null : text(field, value, maxLength);
  }

  /**
   * The entries of a batch: present, at least one, none null, their sequence numbers strictly
   * increasing. Returns an unmodifiable copy.
   */
  static <E extends Sequenced> List<E> batch(String field, List<E> entries) {
    present(field, entries);
    if (entries.isEmpty()) {
      throw ContractException.field(field, "must hold at least one entry, found none.");
    }
    List<E> copy = new ArrayList<>(entries.size());
    long previous = 0;
    for (int i = 0; i < entries.size(); i++) {
      E entry = present(field + "[" + i + "]", entries.get(i));
      if (entry.seq() <= previous) {
        throw ContractException.field(
            field + "[" + i + "].seq",
            "must be greater than the seq before it ("
                + previous
                + "): seqs of a batch strictly increase, found ["
                + entry.seq()
                + "].");
      }
      previous = entry.seq();
      copy.add(entry);
    }
    return Collections.unmodifiableList(copy);
  }
}
