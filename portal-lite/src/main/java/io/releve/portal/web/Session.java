package io.releve.portal.web;

import io.releve.portal.store.AccountKind;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One visitor's server-side state: anonymous, or logged in as an account of a {@link AccountKind}.
 * Its id and CSRF token never leave the web core except in the cookie and the hidden {@code csrf}
 * field; never log them. Logging in gives a new session (see {@link Sessions#logIn}).
 */
public final class Session {
  private final String id;
  private final String csrfToken;
  private final Instant createdAt;
  private final Long accountId;
  private final AccountKind kind;
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();
  private volatile Instant lastSeen;

  Session(String id, String csrfToken, Instant createdAt, Long accountId, AccountKind kind) {
    this.id = id;
    this.csrfToken = csrfToken;
    this.createdAt = createdAt;
    this.lastSeen = createdAt;
    this.accountId = accountId;
    this.kind = kind;
  }

  String id() {
    return id;
  }

  /** The token every POST of this session must carry in its {@code csrf} field. */
  public String csrfToken() {
    return csrfToken;
  }

  /** The account, when logged in. */
  public Optional<Long> accountId() {
    return Optional.ofNullable(accountId);
  }

  /** The account's kind, when logged in. */
  public Optional<AccountKind> kind() {
    return Optional.ofNullable(kind);
  }

  /** Whether an account is logged in. */
  public boolean loggedIn() {
    return accountId != null;
  }

  /** Whether the logged-in account is of {@code kind}. */
  public boolean is(AccountKind kind) {
    return this.kind == kind;
  }

  /** A value kept for this session only, such as a wizard's answers so far. */
  public <T> Optional<T> attribute(String name, Class<T> type) {
    return Optional.ofNullable(attributes.get(name)).map(type::cast);
  }

  /** Keeps {@code value} (not null) under {@code name}. */
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  /** Forgets {@code name}. */
  public void removeAttribute(String name) {
    attributes.remove(name);
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant lastSeen() {
    return lastSeen;
  }

  void touch(Instant now) {
    lastSeen = now;
  }

  /** Never the id or the token. */
  @Override
  public String toString() {
    return loggedIn() ? "Session[" + kind.value() + " " + accountId + "]" : "Session[anonymous]";
  }
}
