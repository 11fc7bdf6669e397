package io.releve.portal.web;

import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP error thrown by a handler (or by the web core) and rendered once, by the router, as a
 * translated error page with the right status. Its text is shown to the visitor, never logged.
 */
public final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String detail;
  private final transient Duration retryAfter;

  private HttpError(int status, String detail, Duration retryAfter) {
    // no stack trace: these are answers, not faults
    super("HTTP " + status, null, false, false);
    this.status = status;
    this.detail = detail;
    this.retryAfter = retryAfter;
  }

  /** 400: the request cannot be understood; {@code message} (translated) is shown on the page. */
  public static HttpError badRequest(String message) {
    return new HttpError(400, message, null);
  }

  /** 400 for a request no browser of ours would send (bad encoding): a generic text. */
  static HttpError malformed() {
    return new HttpError(400, null, null);
  }

  /** 403: refused (a missing or wrong CSRF token). Wrong persons get {@link #notFound()}. */
  public static HttpError forbidden() {
    return new HttpError(403, null, null);
  }

  /**
   * 404: also the answer to anyone asking for what is not theirs, so as not to reveal that it
   * exists.
   */
  public static HttpError notFound() {
    return new HttpError(404, null, null);
  }

  /**
   * Not logged in where an account is needed: answered with a 303 to the login page {@code /}
   * rather than an error page.
   */
  public static HttpError loginRequired() {
    return new HttpError(303, "/", null);
  }

  /** 405, with the methods the path accepts in the {@code Allow} header. */
  static HttpError methodNotAllowed(String allow) {
    return new HttpError(405, allow, null);
  }

  /** 413: the body is larger than the cap. */
  public static HttpError payloadTooLarge() {
    return new HttpError(413, null, null);
  }

  /** 429 with a {@code Retry-After} header in whole seconds (at least one). */
  public static HttpError tooManyRequests(Duration retryAfter) {
    return new HttpError(429, null, retryAfter);
  }

  /** 500, for a fault that is not the visitor's (the cause is logged, not shown). */
  static HttpError internal() {
    return new HttpError(500, null, null);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The text shown for a 400, the {@code Allow} value of a 405, the place a 303 goes to. */
  Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /** How long to wait, for a 429. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
