package io.releve.portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailTextsTest {

  private final MailTexts texts = new MailTexts("https://portail.exemple.fr/");

  @Test
  void bundles_frenchAndEnglish_haveTheSameKeys() {
    Set<String> fr = MailTexts.bundle(Locale.FRENCH).keySet();
    Set<String> en = MailTexts.bundle(Locale.ENGLISH).keySet();

    assertEquals(fr, en);
  }

  @Test
  void bundle_otherLanguageOrNone_isFrench() {
    ResourceBundle german = MailTexts.bundle(Locale.GERMAN);

    assertEquals("Relevé : activez votre compte", german.getString("mail.activation.subject"));
    assertEquals(german.keySet(), MailTexts.bundle(null).keySet());
  }

  @Test
  void everyMail_bothLanguages_isFilledWithItsLinks() {
    for (Locale lang : List.of(Locale.FRENCH, Locale.ENGLISH)) {
      List<Mail> mails =
          List.of(
              texts.activation("a@exemple.fr", lang, "Zoé", "T1"),
              texts.passwordReset("a@exemple.fr", lang, "Zoé", "T2"),
              texts.alreadyHasAccount("a@exemple.fr", lang),
              texts.pendingForOccupant("a@exemple.fr", lang, "Les Tilleuls, logement A02"),
              texts.pendingForManager(
                  "m@exemple.fr", lang, "Les Tilleuls, logement A02", "Léa Roux"));
      for (Mail mail : mails) {
        assertFalse(mail.text().contains("{"), mail.text());
        assertFalse(mail.text().contains("//portail.exemple.fr//"), mail.text());
        assertTrue(mail.text().contains("https://portail.exemple.fr/"), mail.text());
      }
      assertTrue(mails.get(0).text().contains("https://portail.exemple.fr/activation?token=T1"));
      assertTrue(
          mails.get(1).text().contains("https://portail.exemple.fr/reinitialisation?token=T2"));
      assertTrue(mails.get(2).text().contains("https://portail.exemple.fr/mot-de-passe-oublie"));
      assertTrue(mails.get(3).text().contains("Les Tilleuls, logement A02"));
      assertTrue(mails.get(4).text().contains("Léa Roux"));
      assertTrue(mails.get(4).text().contains("https://portail.exemple.fr/gestion/inscriptions"));
    }
  }

  @Test
  void activation_french_keepsApostrophesAndAccents() {
    Mail mail = texts.activation("a@exemple.fr", Locale.FRENCH, "Zoé", "T");

    assertTrue(mail.text().startsWith("Bonjour Zoé,\n\nVous avez demandé l’accès"), mail.text());
    assertTrue(mail.text().contains("ne sert qu’une fois et expire dans 24 heures"), mail.text());
  }

  @Test
  void fill_valueWithDollarsOrBraces_isInsertedAsItIs() {
    assertEquals(
        "Bonjour $1 {link}!",
        MailTexts.fill("Bonjour {first_name}!", java.util.Map.of("first_name", "$1 {link}")));
  }
}
