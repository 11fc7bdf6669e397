package io.releve.portal.web;

/**
 * The one place where an {@link HttpError} becomes what the visitor sees: a translated page ({@code
 * error.<status>.title} and {@code error.<status>.text} in the common bundle) with the right status
 * and headers, or the redirect to the login page.
 */
final class ErrorPages {
  private ErrorPages() {}

  static Response response(HttpError error, Request request) {
    int status = error.status();
    if (status == 303) {
      return Response.redirect(error.detail().orElse("/"));
    }
    Messages m = request.messages();
    Html detail =
        status == 400 && error.detail().isPresent()
            ? Html.of("<p class=\"error-detail\">{}</p>", error.detail().get())
            : Html.EMPTY;
    Page page =
        Page.of(
            m.get("error." + status + ".title"),
            Html.of(
                """
                <div class="card card--error">
                <p>{}</p>
                {}<p><a class="button" href="/">{}</a></p>
                </div>""",
                m.get("error." + status + ".text"),
                detail,
                m.get("error.home")));
    Response response = Response.page(page).status(status);
    if (status == 405) {
      response.header("Allow", error.detail().orElse("GET, HEAD"));
    }
    error
        .retryAfter()
        .ifPresent(
            wait ->
                response.header(
                    "Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
    return response;
  }
}
