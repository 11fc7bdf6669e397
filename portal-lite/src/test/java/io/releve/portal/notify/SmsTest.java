package io.releve.portal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SmsTest {

  @Test
  void maskedTo_hidesEveryDigitButTheLastTwo() {
    Sms sms = new Sms("+33612345678", "Relevé : essai");

    assertEquals("••••••••••78", sms.maskedTo());
    assertEquals("Sms[to ••••••••••78]", sms.toString());
    assertFalse(sms.toString().contains("612345678"));
  }

  @Test
  void new_numberNotInE164_isRefusedWithoutEchoingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Sms("06 12 34 56 78", "x"));

    assertEquals("not a phone number in E.164 (such as +33612345678)", e.getMessage());
  }
}
