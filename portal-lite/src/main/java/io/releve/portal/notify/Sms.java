package io.releve.portal.notify;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One text message to one phone.
 *
 * @param to the phone in E.164 ({@code +33612345678}), as the account stores it
 * @param text the message
 */
public record Sms(String to, String text) {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

  /** How many digits of a number logs may show. */
  static final int SHOWN_DIGITS = 2;

  public Sms {
    if (to == null || !E164.matcher(to).matches()) {
      throw new IllegalArgumentException("not a phone number in E.164 (such as +33612345678)");
    }
    Objects.requireNonNull(text, "text");
  }

  /** The number as logs may show it: every digit hidden but the last two ({@code ••••••••••78}). */
  public String maskedTo() {
    return "•".repeat(to.length() - SHOWN_DIGITS) + to.substring(to.length() - SHOWN_DIGITS);
  }

  @Override
  public String toString() {
    // a phone number is personal data: never the whole of it
    return "Sms[to " + maskedTo() + "]";
  }
}
