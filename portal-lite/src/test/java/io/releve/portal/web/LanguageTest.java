package io.releve.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.MissingResourceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class LanguageTest {
  private final TestSite site;

  LanguageTest() throws Exception {
    site = new TestSite();
  }

  @AfterEach
  void close() {
    site.close();
  }

  @Test
  void noPreference_isFrench() throws Exception {
    HttpResponse<String> page = site.get("/langue");

    assertTrue(page.body().contains("<html lang=\"fr\">"));
    assertTrue(page.body().contains("<h1>Page introuvable</h1>"));
  }

  @Test
  void langParameter_setsCookieAndRedirectsWithoutIt() throws Exception {
    HttpResponse<String> switched = site.get("/langue?x=a%20b&lang=en");

    assertEquals(303, switched.statusCode());
    assertEquals("/langue?x=a%20b", switched.headers().firstValue("Location").orElseThrow());
    assertEquals(
        "lang=en; Path=/; Max-Age=31536000; Secure; HttpOnly; SameSite=Lax",
        switched.headers().firstValue("Set-Cookie").orElseThrow());
    HttpResponse<String> page = site.get("/langue");
    assertTrue(page.body().contains("<html lang=\"en\">"));
    assertTrue(page.body().contains("<h1>Page not found</h1>"));
  }

  @Test
  void acceptLanguage_choosesEnglishUnlessTheCookieSaysOtherwise() throws Exception {
    HttpResponse<String> english =
        site.send(
            HttpRequest.newBuilder(site.uri("/langue"))
                .header("Accept-Language", "de-DE, en-GB;q=0.8, fr;q=0.5"));
    site.cookies.put("lang", "fr");
    HttpResponse<String> french =
        site.send(HttpRequest.newBuilder(site.uri("/langue")).header("Accept-Language", "en"));

    assertTrue(english.body().contains("<html lang=\"en\">"));
    assertTrue(french.body().contains("<html lang=\"fr\">"));
  }

  @Test
  void languageSwitchLinks_keepThePathAndQuery() throws Exception {
    String body = site.get("/langue?x=1").body();

    assertTrue(body.contains("href=\"/langue?x=1&amp;lang=en\""), body);
  }

  @Test
  void acceptLanguage_malformedOrForeign_isFrench() {
    assertEquals(Lang.FR, Lang.fromAcceptLanguage("de, es;q=0.9"));
    assertEquals(Lang.FR, Lang.fromAcceptLanguage(";;;q=x"));
    assertEquals(Lang.EN, Lang.fromAcceptLanguage("en-US"));
  }

  @Test
  void missingKey_failsLoudly() {
    Messages messages = Messages.load(Lang.EN);

    assertThrows(MissingResourceException.class, () -> messages.get("no.such.key"));
  }

  @Test
  void messages_areFormattedInTheLanguagesLocale() {
    assertEquals(
        "Ce champ ne doit pas dépasser 1 000 caractères.",
        Messages.load(Lang.FR)
            .get("form.too.long", 1000)
            .replace('\u202f', ' ')
            .replace('\u00a0', ' '));
    assertEquals(
        "This field must be at most 1,000 characters long.",
        Messages.load(Lang.EN).get("form.too.long", 1000));
  }

  @Test
  void everyCommonKey_existsInBothLanguages() {
    Messages fr = Messages.load(Lang.FR);
    Messages en = Messages.load(Lang.EN);
    for (String key :
        new String[] {"layout.logout", "error.404.title", "error.500.text", "form.errors.title"}) {
      assertTrue(fr.has(key) && en.has(key), key);
    }
  }
}
