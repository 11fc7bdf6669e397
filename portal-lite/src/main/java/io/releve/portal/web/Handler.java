package io.releve.portal.web;

/**
 * Answers one route: {@code router.get("/compte", this::show)} with {@code Response show(Request
 * request)}. Throw {@link HttpError} for an HTTP error; any other exception becomes a logged 500
 * page.
 */
@FunctionalInterface
public interface Handler {
  /** The response to {@code request}. */
  Response handle(Request request) throws Exception;
}
