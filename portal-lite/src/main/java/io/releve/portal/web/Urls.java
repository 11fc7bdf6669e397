package io.releve.portal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Encoding of query-string parts. */
final class Urls {
  private Urls() {}

  /** {@code value} percent-encoded in UTF-8 for a query string ({@code %20} for a space). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
