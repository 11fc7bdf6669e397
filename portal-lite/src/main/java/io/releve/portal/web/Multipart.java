package io.releve.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@code multipart/form-data} body (RFC 7578) split into UTF-8 fields and file parts. */
final class Multipart {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

  /** The longest boundary RFC 2046 §5.1.1 allows; browsers send about 40 characters. */
  static final int MAX_BOUNDARY_LENGTH = 70;

  private Multipart() {}

  /**
   * Parses {@code body} with the boundary named in {@code contentType}.
   *
   * @throws HttpError 400 when the boundary is missing, empty or longer than {@link
   *     #MAX_BOUNDARY_LENGTH} (refused before any search of the body), or the body does not follow
   *     it
   */
  static FormData parse(String contentType, byte[] body) {
    String boundary = parameter(contentType, "boundary");
    if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
      throw HttpError.malformed();
    }
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] nextDelimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Map<String, UploadedFile> files = new LinkedHashMap<>();

    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw malformed();
    }
    at += delimiter.length;
    while (true) {
      if (startsWith(body, at, new byte[] {'-', '-'})) {
        return new FormData(fields, files);
      }
      if (!startsWith(body, at, CRLF)) {
        throw malformed();
      }
      int headersStart = at + CRLF.length;
      int headersEnd = indexOf(body, HEADERS_END, headersStart);
      if (headersEnd < 0) {
        throw malformed();
      }
      int contentStart = headersEnd + HEADERS_END.length;
      int contentEnd = indexOf(body, nextDelimiter, contentStart);
      if (contentEnd < 0) {
        throw malformed();
      }
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      addPart(headers, body, contentStart, contentEnd, fields, files);
      at = contentEnd + nextDelimiter.length;
    }
  }

  private static void addPart(
      String headers,
      byte[] body,
      int from,
      int to,
      Map<String, List<String>> fields,
      Map<String, UploadedFile> files) {
    String disposition = null;
    String type = "application/octet-stream";
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals("content-disposition")) {
        disposition = value;
      } else if (name.equals("content-type")) {
        type = value;
      }
    }
    String name = disposition == null ? null : parameter(disposition, "name");
    if (name == null) {
      throw malformed();
    }
    String fileName = parameter(disposition, "filename");
    byte[] content = Arrays.copyOfRange(body, from, to);
    if (fileName != null) {
      files.put(name, new UploadedFile(baseName(fileName), type, content));
    } else {
      fields
          .computeIfAbsent(name, n -> new ArrayList<>())
          .add(new String(content, StandardCharsets.UTF_8));
    }
  }

  /** Browsers on Windows used to send the whole path: keep only its last segment. */
  private static String baseName(String fileName) {
    int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    return fileName.substring(slash + 1);
  }

  /**
   * A {@code ; key=value} or {@code ; key="quoted value"} parameter of a header value. Browsers
   * send a quote inside a file name as {@code %22} and a backslash as is (HTML's form encoding), so
   * a backslash is not an escape here.
   */
  static String parameter(String headerValue, String key) {
    if (headerValue == null) {
      return null;
    }
    int i = headerValue.indexOf(';');
    while (i >= 0 && i < headerValue.length()) {
      int start = i + 1;
      while (start < headerValue.length() && headerValue.charAt(start) == ' ') {
        start++;
      }
      int equals = headerValue.indexOf('=', start);
      if (equals < 0) {
        return null;
      }
      String name = headerValue.substring(start, equals).trim();
      StringBuilder value = new StringBuilder();
      int end = equals + 1;
      if (end < headerValue.length() && headerValue.charAt(end) == '"') {
        end++;
        while (end < headerValue.length() && headerValue.charAt(end) != '"') {
          value.append(headerValue.charAt(end++));
        }
        end++;
      } else {
        while (end < headerValue.length() && headerValue.charAt(end) != ';') {
          value.append(headerValue.charAt(end++));
        }
      }
      if (name.equalsIgnoreCase(key)) {
        return value.toString().trim();
      }
      i = headerValue.indexOf(';', end);
    }
    return null;
  }

  private static boolean startsWith(byte[] data, int at, byte[] prefix) {
    if (at + prefix.length > data.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    for (int i = from; i + pattern.length <= data.length; i++) {
      if (startsWith(data, i, pattern)) {
        return i;
      }
    }
    return -1;
  }

  private static HttpError malformed() {
    return HttpError.malformed();
  }
}
