package io.releve.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The portal's limits (the plan's "Rate limits"): 30 POSTs a minute per IP on the anonymous forms
 * (applied by the router), 20 enrolment attempts an hour per site, 5 failed logins per 15 minutes
 * per account.
 */
public final class RateLimits {
  public static final int POSTS_PER_IP = 30;
  public static final Duration POSTS_PER_IP_WINDOW = Duration.ofMinutes(1);
  public static final int ENROLMENTS_PER_SITE = 20;
  public static final Duration ENROLMENTS_PER_SITE_WINDOW = Duration.ofHours(1);
  public static final int FAILED_LOGINS = 5;
  public static final Duration FAILED_LOGINS_WINDOW = Duration.ofMinutes(15);

  private final RateLimiter limiter;

  /** Limits counted on {@code clock}. */
  public RateLimits(Clock clock) {
    this.limiter = new RateLimiter(clock);
  }

  /** Whether the router counts POSTs to {@code path} per IP: login, enrolment, forgot password. */
  static boolean limitedPerIp(String path) {
    return path.equals("/connexion")
        || path.startsWith("/inscription/")
        || path.equals("/mot-de-passe-oublie");
  }

  /**
   * Counts one POST from the request's IP.
   *
   * @throws HttpError 429 beyond {@link #POSTS_PER_IP} a minute
   */
  public void postFromIp(Request request) {
    check("ip:" + request.clientIp(), POSTS_PER_IP, POSTS_PER_IP_WINDOW);
  }

  /**
   * Counts one enrolment attempt on a site.
   *
   * @throws HttpError 429 beyond {@link #ENROLMENTS_PER_SITE} an hour
   */
  public void enrolmentOnSite(String siteCode) {
    check("site:" + siteCode, ENROLMENTS_PER_SITE, ENROLMENTS_PER_SITE_WINDOW);
  }

  /**
   * Whether logins to {@code email} are refused for now, after too many failures. The caller
   * answers with the same generic message as a wrong password, so nothing is revealed; the e-mail
   * need not have an account.
   */
  public boolean loginBlocked(String email) {
    return limiter.exhausted(loginKey(email), FAILED_LOGINS, FAILED_LOGINS_WINDOW);
  }

  /** Counts a failed login to {@code email}. */
  public void loginFailed(String email) {
    limiter.allow(loginKey(email), FAILED_LOGINS, FAILED_LOGINS_WINDOW);
  }

  /** Forgets the failures of {@code email} after a successful login. */
  public void loginSucceeded(String email) {
    limiter.reset(loginKey(email));
  }

  private static String loginKey(String email) {
    return "login:" + email.trim().toLowerCase(Locale.ROOT);
  }

  private void check(String key, int max, Duration window) {
    Duration wait = limiter.acquire(key, max, window);
    if (!wait.isZero()) {
      throw HttpError.tooManyRequests(wait);
    }
  }
}
