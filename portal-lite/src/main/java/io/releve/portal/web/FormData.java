package io.releve.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The fields (and, for multipart forms, the files) of a request body. */
record FormData(Map<String, List<String>> fields, Map<String, UploadedFile> files) {
  /** Bodies beyond this are refused with 413: forms are small, CSV imports a few thousand lines. */
  static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

  // what we read and throw away of an oversized body, so the client can read the 413 instead of
  // seeing its upload cut; beyond, the connection is simply closed
  private static final long MAX_DRAIN_BYTES = 16L * MAX_BODY_BYTES;

  static final FormData EMPTY = new FormData(Map.of(), Map.of());

  /**
   * Reads and parses a body of either form encoding; other content types give no fields.
   *
   * @throws HttpError 413 beyond {@link #MAX_BODY_BYTES}, 400 when malformed
   */
  static FormData read(String contentType, InputStream body) throws IOException {
    byte[] bytes = readCapped(body);
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return new FormData(parseUrlEncoded(new String(bytes, StandardCharsets.UTF_8)), Map.of());
    }
    if (type.startsWith("multipart/form-data")) {
      return Multipart.parse(contentType, bytes);
    }
    return EMPTY;
  }

  /**
   * Parses {@code a=1&b=x%C3%A9} (UTF-8 percent-encoding, {@code +} for space) into names and
   * values in order.
   *
   * @throws HttpError 400 on a malformed percent escape
   */
  static Map<String, List<String>> parseUrlEncoded(String encoded) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return values;
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      throw HttpError.malformed();
    }
  }

  private static byte[] readCapped(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      long drained = 0;
      byte[] sink = new byte[64 * 1024];
      for (int n = body.read(sink); n >= 0 && drained < MAX_DRAIN_BYTES; n = body.read(sink)) {
        drained += n;
      }
      throw HttpError.payloadTooLarge();
    }
    return bytes;
  }
}
