package io.releve.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The links of the portal's mails, as its folder mailer writes them. */
class MailLinksTest {

  /**
   * A manager's activation mail as the portal wrote it (quoted-printable: the token's "=" is "=3D"
   * and a soft line break cuts the token in two); the token is made up.
   */
  static final String ACTIVATION =
      String.join(
          "\r\n",
          "Date: Sun, 29 Nov 2026 02:45:14 +0000 (UTC)",
          "From: =?UTF-8?Q?Relev=C3=A9?= <no-reply@localhost>",
          "To: gestion@demo.example",
          "Subject: =?UTF-8?Q?Relev=C3=A9_:_activez_votre_compte?=",
          "MIME-Version: 1.0",
          "Content-Type: text/plain; charset=UTF-8",
          "Content-Transfer-Encoding: quoted-printable",
          "",
          "Bonjour Claire,",
          "",
          "Vous avez demand=C3=A9 l=E2=80=99acc=C3=A8s au portail Relev=C3=A9 de votre=",
          " logement. Pour activer votre compte et choisir votre mot de passe, ouvrez =",
          "ce lien :",
          "",
          "http://localhost:8080/activation?token=3DabcDEF123ghiJKL456mnoPQR789-stuVWX=",
          "0yz_AbC",
          "",
          "Relev=C3=A9",
          "");

  @Test
  void aQuotedPrintableMail_givesItsRecipientAndItsWholeLink() {
    MailLinks mail = MailLinks.of(ACTIVATION);

    assertEquals("gestion@demo.example", mail.to());
    assertEquals(
        List.of("http://localhost:8080/activation?token=abcDEF123ghiJKL456mnoPQR789-stuVWX0yz_AbC"),
        mail.links());
  }

  @Test
  void aMultipartMail_givesTheLinkOfItsTextAndHtmlPartsOnce() {
    String text = "Votre relevé : http://localhost:8080/documents\n";
    String html = "<p><a href=\"http://localhost:8080/documents\">Mes documents</a></p>\n";
    String mail =
        String.join(
            "\r\n",
            "To: resident@demo.example",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; ",
            "\tboundary=\"----=_Part_0_1\"",
            "",
            "------=_Part_0_1",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "",
            Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)),
            "------=_Part_0_1",
            "Content-Type: text/html; charset=UTF-8",
            "Content-Transfer-Encoding: 7bit",
            "",
            html,
            "------=_Part_0_1--",
            "");

    MailLinks read = MailLinks.of(mail);

    assertEquals("resident@demo.example", read.to());
    assertEquals(List.of("http://localhost:8080/documents"), read.links());
  }

  @Test
  void quotedPrintable_decodesBytesAsUtf8_andJoinsSoftBreaks() {
    assertEquals(
        "Relevé l’accès", MailLinks.quotedPrintable("Relev=C3=A9 l=E2=80=99=\nacc=C3=A8s"));
  }
}
