package io.releve.portal.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which language a visitor reads: {@code ?lang=fr|en} (remembered in the {@code lang} cookie, then
 * redirected to the same address without the parameter, so links and bookmarks stay clean), else
 * the cookie, else {@code Accept-Language}, else French.
 */
final class LanguageSwitch {
  static final String PARAMETER = "lang";
  static final String COOKIE = "lang";
  // a year: a choice of language is not worth asking again
  private static final Duration REMEMBERED = Duration.ofDays(365);

  private LanguageSwitch() {}

  /** The language of a request that carries no valid {@code ?lang=}. */
  static Lang resolve(Optional<String> cookie, Optional<String> acceptLanguage) {
    return cookie
        .flatMap(Lang::fromCode)
        .orElseGet(() -> Lang.fromAcceptLanguage(acceptLanguage.orElse(null)));
  }

  /** The language asked for in the query, if valid. */
  static Optional<Lang> asked(Map<String, List<String>> query) {
    List<String> values = query.get(PARAMETER);
    return values == null || values.isEmpty() ? Optional.empty() : Lang.fromCode(values.get(0));
  }

  /** The redirect that remembers {@code lang} and drops the parameter from the address. */
  static Response remember(Lang lang, String path, Map<String, List<String>> query) {
    StringBuilder target = new StringBuilder(path);
    char separator = '?';
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      if (parameter.getKey().equals(PARAMETER)) {
        continue;
      }
      for (String value : parameter.getValue()) {
        target
            .append(separator)
            .append(Urls.encode(parameter.getKey()))
            .append('=')
            .append(Urls.encode(value));
        separator = '&';
      }
    }
    return Response.redirect(target.toString()).cookie(COOKIE, lang.code(), REMEMBERED);
  }
}
