package io.releve.portal.manager;

import io.releve.portal.mail.Mail;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.ClientRef;
import io.releve.portal.store.SiteCode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/** The fields of one CSV line by column name, each read and checked as its column demands. */
final class Fields {

  /** Longer than any name or street a landlord writes: a bound on what a line may store. */
  static final int MAX_LENGTH = 200;

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter FRENCH =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private final List<String> header;
  private final List<String> values;

  Fields(List<String> header, List<String> values) {
    this.header = header;
    this.values = values;
  }

  /** The field, maybe empty. */
  String optional(String column) throws LineRejected {
    String value = values.get(header.indexOf(column));
    if (value.length() > MAX_LENGTH) {
      throw new LineRejected("manager.import.too.long", column, String.valueOf(MAX_LENGTH));
    }
    return value;
  }

  /** The field, which must not be empty. */
  String required(String column) throws LineRejected {
    String value = optional(column);
    if (value.isEmpty()) {
      throw new LineRejected("manager.import.required", column);
    }
    return value;
  }

  /** The field or null when empty. */
  String nullable(String column) throws LineRejected {
    String value = optional(column);
    return value.isEmpty() ? null : value;
  }

  SiteCode site(String column) throws LineRejected {
    return site(column, required(column));
  }

  static SiteCode site(String column, String value) throws LineRejected {
    return SiteCode.parse(value)
        .orElseThrow(() -> new LineRejected("manager.import.site.invalid", column, value));
  }

  ClientRef clientRef(String column) throws LineRejected {
    String value = required(column);
    return ClientRef.parse(value)
        .orElseThrow(() -> new LineRejected("manager.import.client_ref.invalid", column, value));
  }

  /** A lower-case e-mail, or null when the field is empty. */
  String email(String column) throws LineRejected {
    String value = nullable(column);
    if (value == null) {
      return null;
    }
    String email = Accounts.normalizeEmail(value);
    if (!Mail.isAddress(email)) {
      throw new LineRejected("manager.import.email.invalid", column, value);
    }
    return email;
  }

  /** A date written {@code YYYY-MM-DD} or {@code DD/MM/YYYY}, or null when the field is empty. */
  LocalDate date(String column) throws LineRejected {
    String value = nullable(column);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value, value.contains("/") ? FRENCH : ISO);
    } catch (DateTimeParseException e) {
      throw new LineRejected("manager.import.date.invalid", column, value);
    }
  }
}
