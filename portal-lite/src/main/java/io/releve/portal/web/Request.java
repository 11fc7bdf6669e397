package io.releve.portal.web;

import io.releve.portal.store.AccountKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a handler sees it: parsed query, form and cookies, the visitor's language and
 * texts, and their session. Absent query or form values read as {@code ""}.
 */
public final class Request {
  private final String method;
  private final String path;
  private final Map<String, List<String>> query;
  private FormData form = FormData.EMPTY;
  private final Map<String, List<String>> headers;
  private final Map<String, String> cookies;
  private final String clientIp;
  private final Messages messages;
  private final Sessions sessions;

  private boolean sessionResolved;
  private Session session;
  private boolean sessionChanged;

  Request(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> headers,
      Map<String, String> cookies,
      String clientIp,
      Messages messages,
      Sessions sessions) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.headers = headers;
    this.cookies = cookies;
    this.clientIp = clientIp;
    this.messages = messages;
    this.sessions = sessions;
  }

  /** {@code GET}, {@code POST}… ({@code HEAD} requests reach GET handlers as {@code HEAD}). */
  public String method() {
    return method;
  }

  /** The decoded path, without the query string. */
  public String path() {
    return path;
  }

  /** The first value of query parameter {@code name}, or {@code ""}. */
  public String query(String name) {
    return first(query.get(name));
  }

  /** All query parameters (names to values, in order). */
  public Map<String, List<String>> queryParameters() {
    return query;
  }

  /** The first value of form field {@code name} (POST bodies, both encodings), or {@code ""}. */
  public String form(String name) {
    return first(form.fields().get(name));
  }

  /** Every value of form field {@code name} (checkbox groups), maybe none. */
  public List<String> formValues(String name) {
    return form.fields().getOrDefault(name, List.of());
  }

  /** Whether the form has field {@code name} (an unchecked checkbox has none). */
  public boolean hasForm(String name) {
    return form.fields().containsKey(name);
  }

  /** The file part {@code name} of a multipart form. */
  public Optional<UploadedFile> file(String name) {
    return Optional.ofNullable(form.files().get(name));
  }

  /** The first value of a header (name in any case). */
  public Optional<String> header(String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return Optional.of(header.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  /** The value of cookie {@code name}. */
  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  /** The address of the peer (proxies' forwarding headers are not trusted). */
  public String clientIp() {
    return clientIp;
  }

  /** The visitor's language. */
  public Lang lang() {
    return messages.lang();
  }

  /** The texts of the visitor's language. */
  public Messages messages() {
    return messages;
  }

  /**
   * The visitor's session, created (anonymous) if they have none yet; rendering a form does this,
   * so that the form carries a CSRF token.
   */
  public Session session() {
    Optional<Session> existing = existingSession();
    if (existing.isPresent()) {
      return existing.get();
    }
    replaceSession(sessions.anonymous());
    return session;
  }

  /** The visitor's live session, without creating one. */
  public Optional<Session> existingSession() {
    if (!sessionResolved) {
      session = sessions.find(cookies.get(Sessions.COOKIE)).orElse(null);
      sessionResolved = true;
    }
    return Optional.ofNullable(session);
  }

  /** The logged-in account id, if any. */
  public Optional<Long> accountId() {
    return existingSession().flatMap(Session::accountId);
  }

  /**
   * The id of the logged-in account of {@code kind}.
   *
   * @throws HttpError {@link HttpError#loginRequired()} when nobody is logged in, {@link
   *     HttpError#notFound()} when the account is of another kind
   */
  public long requireAccount(AccountKind kind) {
    Session current = existingSession().filter(Session::loggedIn).orElse(null);
    if (current == null) {
      throw HttpError.loginRequired();
    }
    if (!current.is(kind)) {
      throw HttpError.notFound();
    }
    return current.accountId().orElseThrow();
  }

  void form(FormData form) {
    this.form = form;
  }

  void replaceSession(Session replacement) {
    session = replacement;
    sessionResolved = true;
    sessionChanged = true;
  }

  /** Whether the cookie must be (re)sent: a session was created, rotated or ended. */
  boolean sessionChanged() {
    return sessionChanged;
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? "" : values.get(0);
  }
}
