package io.releve.portal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"claire@exemple.fr", "c.martin+releve@sous.exemple.fr", "admin@localhost"})
  void isAddress_bareAddress_isTrue(String address) {
    assertTrue(Mail.isAddress(address));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "claire",
        "@exemple.fr",
        "claire@",
        "Claire <claire@exemple.fr>",
        "claire@exemple.fr, eve@exemple.fr",
        "claire @exemple.fr",
        "claire@exemple.fr\r\nBcc: eve@exemple.fr"
      })
  void isAddress_anythingElse_isFalse(String address) {
    assertFalse(Mail.isAddress(address));
  }

  @Test
  void isAddress_longerThan254_isFalse() {
    // 64 + 1 + 187 + 3 = 255 characters
    assertFalse(Mail.isAddress("a".repeat(64) + "@" + "b".repeat(187) + ".fr"));
  }

  @Test
  void constructor_subjectWithALineBreak_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Mail("claire@exemple.fr", "Bonjour\r\nBcc: eve@exemple.fr", "corps"));
  }

  @Test
  void toString_showsTheDomainOnly() {
    Mail mail = new Mail("claire@exemple.fr", "s", "lien secret");

    assertEquals("Mail[to a recipient at exemple.fr]", mail.toString());
  }
}
