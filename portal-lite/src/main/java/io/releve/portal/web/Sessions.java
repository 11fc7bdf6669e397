package io.releve.portal.web;

import io.releve.portal.store.AccountKind;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live sessions, in memory (a restart logs everyone out). A session ends after {@link
 * #IDLE_TIMEOUT} without a request or {@link #ABSOLUTE_TIMEOUT} after it began, whichever comes
 * first. At most {@code capacity} sessions live at once: beyond, the oldest anonymous one goes, so
 * a flood of cookie-less requests cannot exhaust memory nor log anyone out.
 */
public final class Sessions {
  /** The session cookie: {@code __Host-} pins it to this host, path / and HTTPS. */
  public static final String COOKIE = "__Host-releve-session";

  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
  public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);
  public static final int DEFAULT_CAPACITY = 100_000;

  // 32 random bytes: 256 bits, far beyond guessing
  private static final int ID_BYTES = 32;
  // sweeping expired sessions costs a pass over all of them: do it every so many creations
  private static final int SWEEP_EVERY = 1024;

  private final Clock clock;
  private final int capacity;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> live = new ConcurrentHashMap<>();
  private final Queue<Session> anonymousByAge = new ConcurrentLinkedQueue<>();
  private final AtomicInteger creations = new AtomicInteger();

  /** Sessions on {@code clock} with at most {@code capacity} alive. */
  public Sessions(Clock clock, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("Session capacity must be at least 1, got " + capacity);
    }
    this.clock = clock;
    this.capacity = capacity;
  }

  /** Sessions on {@code clock} with the default capacity. */
  public Sessions(Clock clock) {
    this(clock, DEFAULT_CAPACITY);
  }

  /**
   * Logs an account in: the request's current session (if any) ends and a new one, with a new id
   * and CSRF token and no attributes, takes its place, so an id planted before login is worth
   * nothing after. The router sends its cookie with the response.
   */
  public Session logIn(Request request, long accountId, AccountKind kind) {
    request.existingSession().ifPresent(old -> live.remove(old.id()));
    Session session = create(accountId, kind);
    request.replaceSession(session);
    return session;
  }

  /** Ends the request's session; the router clears the cookie. */
  public void logOut(Request request) {
    request.existingSession().ifPresent(old -> live.remove(old.id()));
    request.replaceSession(null);
  }

  /**
   * Ends every session logged in as {@code accountId}, on any browser: after a password reset or
   * change, or the account's closing, whoever held one of them must log in again. A request already
   * holding one of them keeps its object but the cookie no longer finds it.
   */
  public void logOutAll(long accountId) {
    live.values()
        .removeIf(session -> session.accountId().filter(id -> id == accountId).isPresent());
  }

  /** The live session of this cookie value, touched, or empty when unknown or expired. */
  Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = live.get(id);
    if (session == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(session, now)) {
      live.remove(id, session);
      return Optional.empty();
    }
    session.touch(now);
    return Optional.of(session);
  }

  /** A new anonymous session. */
  Session anonymous() {
    Session session = create(null, null);
    anonymousByAge.add(session);
    return session;
  }

  /** How many sessions are alive or not yet swept. */
  public int size() {
    return live.size();
  }

  private Session create(Long accountId, AccountKind kind) {
    if (creations.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep();
    }
    while (live.size() >= capacity) {
      evictOne();
    }
    Session session = new Session(newId(), newId(), clock.instant(), accountId, kind);
    live.put(session.id(), session);
    return session;
  }

  private void evictOne() {
    Session oldest = anonymousByAge.poll();
    while (oldest != null && !live.remove(oldest.id(), oldest)) {
      oldest = anonymousByAge.poll();
    }
    if (oldest == null) {
      // only logged-in sessions left: the one idle the longest goes (rare, so a scan is fine)
      live.values().stream()
          .min(Comparator.comparing(Session::lastSeen))
          .ifPresent(s -> live.remove(s.id(), s));
    }
  }

  private void sweep() {
    Instant now = clock.instant();
    live.values().removeIf(session -> expired(session, now));
    anonymousByAge.removeIf(session -> !live.containsKey(session.id()));
  }

  private boolean expired(Session session, Instant now) {
    return !now.isBefore(session.lastSeen().plus(IDLE_TIMEOUT))
        || !now.isBefore(session.createdAt().plus(ABSOLUTE_TIMEOUT));
  }

  private String newId() {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The {@code Set-Cookie} value carrying a session. */
  static String cookie(Session session) {
    return COOKIE + "=" + session.id() + "; Path=/; Secure; HttpOnly; SameSite=Lax";
  }

  /** The {@code Set-Cookie} value that makes the browser forget the session. */
  static String clearedCookie() {
    return COOKIE + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax";
  }
}
