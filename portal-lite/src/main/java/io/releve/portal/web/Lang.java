package io.releve.portal.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The portal's languages: French first (the default), English second. */
public enum Lang {
  FR("fr", Locale.FRENCH),
  EN("en", Locale.ENGLISH);

  /** The language when nothing says otherwise. */
  public static final Lang DEFAULT = FR;

  private final String code;
  private final Locale locale;

  Lang(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  /** {@code fr} or {@code en}: the {@code lang} attribute, cookie and query parameter value. */
  public String code() {
    return code;
  }

  /** The locale used to format numbers and dates in messages. */
  public Locale locale() {
    return locale;
  }

  /** The language of a code, if it is one of ours (exact, lower case). */
  public static Optional<Lang> fromCode(String code) {
    for (Lang lang : values()) {
      if (lang.code.equals(code)) {
        return Optional.of(lang);
      }
    }
    return Optional.empty();
  }

  /**
   * The best of our languages for an {@code Accept-Language} header, or the default when the header
   * is absent, malformed or names none of them.
   */
  public static Lang fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return DEFAULT;
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(header);
    } catch (IllegalArgumentException malformed) {
      return DEFAULT;
    }
    // ranges come sorted by weight; the first one that is ours (or "*") wins
    for (Locale.LanguageRange range : ranges) {
      String primary = range.getRange().split("-", 2)[0];
      if (primary.equals("*")) {
        return DEFAULT;
      }
      Optional<Lang> lang = fromCode(primary);
      if (lang.isPresent()) {
        return lang.get();
      }
    }
    return DEFAULT;
  }
}
