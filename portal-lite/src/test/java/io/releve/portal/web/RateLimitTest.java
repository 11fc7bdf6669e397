package io.releve.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RateLimitTest {
  @Test
  void loginPosts_beyondThirtyAMinutePerIp_get429WithRetryAfter() throws Exception {
    try (TestSite site = new TestSite()) {
      String token = site.csrf();
      for (int i = 0; i < RateLimits.POSTS_PER_IP; i++) {
        assertEquals(303, site.post("/connexion", Map.of("csrf", token)).statusCode());
      }
      site.clock.advance(Duration.ofSeconds(20));

      HttpResponse<String> refused = site.post("/connexion", Map.of("csrf", token));

      assertEquals(429, refused.statusCode());
      assertEquals("40", refused.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(refused.body().contains("Trop de tentatives"));
      site.clock.advance(Duration.ofSeconds(40));
      assertEquals(303, site.post("/connexion", Map.of("csrf", token)).statusCode());
    }
  }

  @Test
  void otherPosts_areNotCountedPerIp() throws Exception {
    try (TestSite site = new TestSite()) {
      String token = site.csrf();
      for (int i = 0; i <= RateLimits.POSTS_PER_IP; i++) {
        assertEquals(200, site.post("/echo", Map.of("csrf", token)).statusCode());
      }
    }
  }

  @Test
  void allow_slidingWindow_freesOneSlotAsEachEventAges() {
    TestClock clock = new TestClock(TestSite.START);
    RateLimiter limiter = new RateLimiter(clock);
    Duration window = Duration.ofMinutes(10);
    assertTrue(limiter.allow("k", 2, window));
    clock.advance(Duration.ofMinutes(5));
    assertTrue(limiter.allow("k", 2, window));
    assertFalse(limiter.allow("k", 2, window));
    assertTrue(limiter.allow("other", 2, window));

    clock.advance(Duration.ofMinutes(5));

    assertTrue(limiter.allow("k", 2, window));
    assertFalse(limiter.allow("k", 2, window));
  }

  @Test
  void limiter_withManyKeys_staysBounded() {
    TestClock clock = new TestClock(TestSite.START);
    RateLimiter limiter = new RateLimiter(clock, 10);
    for (int i = 0; i < 1000; i++) {
      limiter.allow("k" + i, 1, Duration.ofMinutes(1));
    }

    assertTrue(limiter.allow("fresh", 1, Duration.ofMinutes(1)));
  }

  @Test
  void failedLogins_afterFive_blockTheAccountFor15Minutes() {
    TestClock clock = new TestClock(TestSite.START);
    RateLimits limits = new RateLimits(clock);
    for (int i = 0; i < RateLimits.FAILED_LOGINS; i++) {
      assertFalse(limits.loginBlocked("Marie@Exemple.fr"));
      limits.loginFailed("marie@exemple.fr ");
    }
    assertTrue(limits.loginBlocked("marie@exemple.fr"));

    clock.advance(RateLimits.FAILED_LOGINS_WINDOW);

    assertFalse(limits.loginBlocked("marie@exemple.fr"));
  }

  @Test
  void enrolmentsOnSite_beyondTwentyAnHour_throw429() {
    RateLimits limits = new RateLimits(new TestClock(TestSite.START));
    for (int i = 0; i < RateLimits.ENROLMENTS_PER_SITE; i++) {
      limits.enrolmentOnSite("AB123");
    }

    HttpError error = assertThrows(HttpError.class, () -> limits.enrolmentOnSite("AB123"));

    assertEquals(429, error.status());
    assertEquals(Duration.ofHours(1), error.retryAfter().orElseThrow());
  }
}
