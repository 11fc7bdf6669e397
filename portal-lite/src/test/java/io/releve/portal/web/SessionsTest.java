package io.releve.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.TestClock;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class SessionsTest {
  private final TestSite site;

  SessionsTest() throws Exception {
    site = new TestSite();
  }

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void firstForm_setsSessionCookieWithExactAttributes() throws Exception {
    HttpResponse<String> page = site.get("/formulaire");

    List<String> cookies = TestSite.values(page, "Set-Cookie");
    assertEquals(1, cookies.size());
    assertTrue(
        cookies
            .get(0)
            .matches(
                "__Host-releve-session=[A-Za-z0-9_-]{43}; Path=/; Secure; HttpOnly; SameSite=Lax"),
        cookies.get(0));
  }

  @Test
  void pageWithoutForm_createsNoSession() throws Exception {
    HttpResponse<String> page = site.get("/static/portal.css");

    assertTrue(TestSite.values(page, "Set-Cookie").isEmpty());
    assertEquals(0, site.app.sessions().size());
  }

  @Test
  void logIn_rotatesTheIdAndTheOldCookieIsNoLongerLoggedIn() throws Exception {
    String token = site.csrf();
    String anonymous = site.cookies.get(Sessions.COOKIE);

    HttpResponse<String> login = site.post("/login", Map.of("csrf", token));
    String loggedIn = site.cookies.get(Sessions.COOKIE);

    assertEquals(303, login.statusCode());
    assertNotEquals(anonymous, loggedIn);
    assertTrue(site.get("/moi").body().contains("<p id=\"me\">42</p>"));
    site.cookies.put(Sessions.COOKIE, anonymous);
    HttpResponse<String> withOld = site.get("/moi");
    assertEquals(303, withOld.statusCode());
    assertEquals("/", withOld.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void logOutAllEndsEverySessionOfTheAccountAndLeavesAnonymousOnesAlone() throws Exception {
    site.post("/login", Map.of("csrf", site.csrf()));
    String first = site.cookies.get(Sessions.COOKIE);
    site.cookies.clear();
    site.post("/login", Map.of("csrf", site.csrf()));
    String second = site.cookies.get(Sessions.COOKIE);
    site.cookies.clear();
    site.csrf();
    String anonymous = site.cookies.get(Sessions.COOKIE);

    site.app.sessions().logOutAll(42);

    assertEquals(1, site.app.sessions().size());
    for (String cookie : List.of(first, second)) {
      site.cookies.put(Sessions.COOKIE, cookie);
      HttpResponse<String> me = site.get("/moi");
      assertEquals(303, me.statusCode());
      assertEquals("/", me.headers().firstValue("Location").orElseThrow());
    }
    site.cookies.put(Sessions.COOKIE, anonymous);
    assertEquals(200, site.get("/formulaire").statusCode());
    assertEquals(anonymous, site.cookies.get(Sessions.COOKIE));
  }

  @Test
  void loggedInPage_hasLogoutFormWithCsrf() throws Exception {
    site.post("/login", Map.of("csrf", site.csrf()));

    String body = site.get("/moi").body();

    assertTrue(body.contains("action=\"/deconnexion\""));
    assertTrue(TestSite.csrf(site.get("/moi")).length() == 43);
  }

  @Test
  void logOut_endsTheSessionAndClearsTheCookie() throws Exception {
    site.post("/login", Map.of("csrf", site.csrf()));
    String loggedIn = site.cookies.get(Sessions.COOKIE);
    String token = TestSite.csrf(site.get("/moi"));

    HttpResponse<String> logout = site.post("/logout", Map.of("csrf", token));

    assertTrue(
        TestSite.values(logout, "Set-Cookie")
            .contains("__Host-releve-session=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax"));
    site.cookies.put(Sessions.COOKIE, loggedIn);
    assertEquals(303, site.get("/moi").statusCode());
  }

  @Test
  void session_idleForThirtyMinutes_isLoggedOut() throws Exception {
    site.post("/login", Map.of("csrf", site.csrf()));
    site.clock.advance(Duration.ofMinutes(29));
    assertEquals(200, site.get("/moi").statusCode());

    site.clock.advance(Duration.ofMinutes(30));

    assertEquals(303, site.get("/moi").statusCode());
  }

  @Test
  void session_activeButTwelveHoursOld_isLoggedOut() throws Exception {
    site.post("/login", Map.of("csrf", site.csrf()));
    for (int i = 0; i < 12 * 3 - 1; i++) {
      site.clock.advance(Duration.ofMinutes(20));
      assertEquals(200, site.get("/moi").statusCode(), "after " + (i + 1) * 20 + " minutes");
    }

    site.clock.advance(Duration.ofMinutes(20));

    assertEquals(303, site.get("/moi").statusCode());
  }

  @Test
  void sessions_beyondCapacity_dropTheOldestAnonymousFirst() {
    TestClock clock = new TestClock(TestSite.START);
    Sessions sessions = new Sessions(clock, 3);
    Session oldest = sessions.anonymous();
    Session next = sessions.anonymous();
    Session third = sessions.anonymous();

    Session fourth = sessions.anonymous();

    assertTrue(sessions.find(oldest.id()).isEmpty());
    assertTrue(sessions.find(next.id()).isPresent());
    assertTrue(sessions.find(third.id()).isPresent());
    assertTrue(sessions.find(fourth.id()).isPresent());
    assertEquals(3, sessions.size());
  }

  @Test
  void sessionToString_revealsNeitherIdNorToken() {
    Session session = new Sessions(Clock.systemUTC()).anonymous();

    assertTrue(!session.toString().contains(session.id()));
    assertTrue(!session.toString().contains(session.csrfToken()));
  }
}
