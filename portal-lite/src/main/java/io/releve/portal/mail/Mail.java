package io.releve.portal.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Objects;

/**
 * One outgoing mail to one person.
 *
 * @param to a bare address ({@code claire@exemple.fr}), checked
 * @param subject one line: a line break would let it add headers
 * @param text the plain-text body
 * @param html an HTML alternative of the body, or null
 */
public record Mail(String to, String subject, String text, String html) {

  /** RFC 5321 §4.5.3.1.3: a path is at most 256 octets, so an address at most 254 characters. */
  static final int MAX_ADDRESS = 254;

  public Mail {
    if (!isAddress(to)) {
      throw new IllegalArgumentException("not an e-mail address: [" + to + "]");
    }
    Objects.requireNonNull(subject, "subject");
    if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a subject is one line, without line breaks");
    }
    Objects.requireNonNull(text, "text");
  }

  /** A plain-text mail. */
  public Mail(String to, String subject, String text) {
    this(to, subject, text, null);
  }

  /**
   * Whether {@code address} is a bare address that Jakarta Mail accepts strictly: {@code
   * local@domain}, no display name, no spaces, at most {@value #MAX_ADDRESS} characters.
   */
  public static boolean isAddress(String address) {
    if (address == null || address.isEmpty() || address.length() > MAX_ADDRESS) {
      return false;
    }
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      return parsed.getPersonal() == null
          && address.equals(parsed.getAddress())
          && address.indexOf('@') > 0
          && !address.contains(" ");
    } catch (AddressException e) {
      return false;
    }
  }

  /** The part after the {@code @}, which logs may show instead of the address. */
  public String domain() {
    return to.substring(to.lastIndexOf('@') + 1);
  }

  @Override
  public String toString() {
    // the address and the body are personal data, and the body may hold a link's token
    return "Mail[to a recipient at " + domain() + "]";
  }
}
