package io.releve.portal.web;

import com.sun.net.httpserver.Headers;

/** The headers of the plan, sent on every response (pages, redirects, errors, assets). */
final class SecurityHeaders {
  /** Everything from this origin only, no inline script or style, no framing, no base. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self';"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  static final String NO_STORE = "no-store";
  // assets change only with a release; an hour keeps pages fast without pinning old CSS for long
  static final String ASSET_CACHE = "public, max-age=3600";

  private SecurityHeaders() {}

  /** Adds the headers; {@code cacheable} only for a static asset that was found. */
  static void apply(Headers headers, boolean cacheable) {
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Cache-Control", cacheable ? ASSET_CACHE : NO_STORE);
  }
}
