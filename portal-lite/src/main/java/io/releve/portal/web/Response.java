package io.releve.portal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a handler answers: a page (laid out and translated by the router), a redirect or a download.
 * The security headers of the plan are added to every response by the router; add your own with
 * {@link #header} and {@link #cookie}.
 */
public final class Response {
  private int status;
  private final Page page;
  private final String contentType;
  private final byte[] body;
  private final List<Map.Entry<String, String>> headers = new ArrayList<>();

  private Response(int status, Page page, String contentType, byte[] body) {
    this.status = status;
    this.page = page;
    this.contentType = contentType;
    this.body = body;
  }

  /** A 200 page. */
  public static Response page(Page page) {
    return new Response(200, page, "text/html; charset=utf-8", null);
  }

  /**
   * A 303 See Other to a path of this site (after a POST, so a reload does not post again).
   *
   * @throws IllegalArgumentException when {@code path} is not a local absolute path: an open
   *     redirect would let anyone send residents to a look-alike site
   */
  public static Response redirect(String path) {
    if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
      throw new IllegalArgumentException("Redirect to a local path only, got [" + path + "]");
    }
    return new Response(303, null, null, new byte[0]).header("Location", path);
  }

  /** A file to save ({@code Content-Disposition: attachment}), never shown inline. */
  public static Response download(String fileName, String contentType, byte[] bytes) {
    String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    String utf8 = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return new Response(200, null, contentType, bytes)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8);
  }

  /** Raw bytes with a content type (static assets). */
  static Response bytes(String contentType, byte[] bytes) {
    return new Response(200, null, contentType, bytes);
  }

  /** Sets the status (such as 422 for a form with errors, 404 for a page not found). */
  public Response status(int status) {
    this.status = status;
    return this;
  }

  /** Adds a header; several with the same name are all sent. */
  public Response header(String name, String value) {
    if (name.indexOf('\n') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("Header " + name + " has a line break");
    }
    headers.add(Map.entry(name, value));
    return this;
  }

  /**
   * Adds a cookie with {@code Path=/; Secure; HttpOnly; SameSite=Lax}; {@code maxAge} zero deletes
   * it.
   */
  public Response cookie(String name, String value, Duration maxAge) {
    if (!name.matches("[A-Za-z0-9_-]+") || !value.matches("[A-Za-z0-9._~-]*")) {
      throw new IllegalArgumentException("Cookie name or value has unsafe characters: " + name);
    }
    return header(
        "Set-Cookie",
        name
            + "="
            + value
            + "; Path=/; Max-Age="
            + maxAge.toSeconds()
            + "; Secure; HttpOnly; SameSite=Lax");
  }

  /** The status. */
  public int status() {
    return status;
  }

  Optional<Page> page() {
    return Optional.ofNullable(page);
  }

  String contentType() {
    return contentType;
  }

  byte[] body() {
    return body;
  }

  List<Map.Entry<String, String>> headers() {
    return headers;
  }
}
