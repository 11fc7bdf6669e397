package io.releve.portal.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.usage.Fluid;
import io.releve.portal.web.Lang;
import io.releve.portal.web.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IndexExportTest {

  private static final Messages FR = Messages.load(Lang.FR);
  private static final Messages EN = Messages.load(Lang.EN);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /**
   * Three devices given out of order; the address holds a {@code ;}, the name quotes, a room a line
   * break and another a formula. Paris is UTC+1 in November.
   */
  private static Statement statement(String lot, Instant madeAt) {
    return new Statement(
        "AB123",
        "12 rue des Lilas; Bât. B, 69003 Lyon",
        lot,
        "Anne \"Nana\" Martin",
        PARIS,
        madeAt,
        List.of(
            new IndexLine(
                "30000101",
                Fluid.HEATING,
                "heat_cost_allocator",
                "Séjour\nbaie",
                new BigDecimal("0"),
                "U",
                Instant.parse("2026-11-27T23:30:00Z")),
            new IndexLine(
                "40000001",
                Fluid.HOT_WATER,
                "hot_water",
                "=SUM(A1)",
                new BigDecimal("1234.5"),
                "m3",
                Instant.parse("2026-11-28T07:15:00Z")),
            new IndexLine(
                "12345678",
                Fluid.COLD_WATER,
                "cold_water",
                "",
                new BigDecimal("123.450"),
                "m3",
                Instant.parse("2026-11-28T06:00:00Z"))));
  }

  private static Statement statement() {
    return statement("12", Instant.parse("2026-11-28T12:05:00Z"));
  }

  private static byte[] withBom(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void csv_inFrench_isBomSemicolonsCommaDecimalsAndSiteTimes() {
    String address = "\"12 rue des Lilas; Bât. B, 69003 Lyon\"";
    String name = "\"Anne \"\"Nana\"\" Martin\"";
    String expected =
        "Résidence;Adresse;Lot;Occupant;Fluide;Appareil;N° de série;Pièce;Index;Unité;Relevé le\r\n"
            + "AB123;"
            + address
            + ";12;"
            + name
            + ";Eau froide;Compteur d’eau froide;12345678;;123,450;m³;28/11/2026 07:00\r\n"
            + "AB123;"
            + address
            + ";12;"
            + name
            + ";Eau chaude;Compteur d’eau chaude;40000001;'=SUM(A1);1234,5;m³;28/11/2026 08:15\r\n"
            + "AB123;"
            + address
            + ";12;"
            + name
            + ";Chauffage;Répartiteur de frais de chauffage;30000101;\"Séjour\nbaie\";0;U;"
            + "28/11/2026 00:30\r\n";

    assertArrayEquals(withBom(expected), IndexCsv.bytes(statement(), FR));
  }

  @Test
  void csv_inEnglish_hasEnglishHeadersAndPointDecimalsWithoutGrouping() {
    String address = "\"12 rue des Lilas; Bât. B, 69003 Lyon\"";
    String name = "\"Anne \"\"Nana\"\" Martin\"";
    String expected =
        "Residence;Address;Lot;Occupant;Fluid;Device;Serial number;Room;Index;Unit;Read on\r\n"
            + "AB123;"
            + address
            + ";12;"
            + name
            + ";Cold water;Cold water meter;12345678;;123.450;m³;28/11/2026 07:00\r\n"
            + "AB123;"
            + address
            + ";12;"
            + name
            + ";Hot water;Hot water meter;40000001;'=SUM(A1);1234.5;m³;28/11/2026 08:15\r\n"
            + "AB123;"
            + address
            + ";12;"
            + name
            + ";Heating;Heat cost allocator;30000101;\"Séjour\nbaie\";0;U;28/11/2026 00:30\r\n";

    assertArrayEquals(withBom(expected), IndexCsv.bytes(statement(), EN));
  }

  @Test
  void quoted_quotesOnlyWhatASpreadsheetWouldMisread() {
    assertEquals("plain", IndexCsv.quoted("plain"));
    assertEquals("", IndexCsv.quoted(""));
    assertEquals("\"a;b\"", IndexCsv.quoted("a;b"));
    assertEquals("\"say \"\"hi\"\"\"", IndexCsv.quoted("say \"hi\""));
    assertEquals("\"two\nlines\"", IndexCsv.quoted("two\nlines"));
    assertEquals("\"cr\rlf\"", IndexCsv.quoted("cr\rlf"));
    assertEquals("\" padded \"", IndexCsv.quoted(" padded "));
  }

  @Test
  void csv_anUnknownMedium_isWrittenByItsOwnName() {
    Statement gas =
        new Statement(
            "AB123",
            "x",
            "",
            "y",
            PARIS,
            Instant.parse("2026-11-28T12:05:00Z"),
            List.of(
                new IndexLine(
                    "1",
                    Fluid.HEATING,
                    "heat_inlet",
                    "",
                    BigDecimal.ONE,
                    "kWh",
                    Instant.parse("2026-07-01T10:00:00Z"))));
    String text = new String(IndexCsv.bytes(gas, FR), StandardCharsets.UTF_8);

    // summer time: UTC+2
    assertTrue(
        text.endsWith("AB123;x;;y;Chauffage;heat_inlet;1;;1;kWh;01/07/2026 12:00\r\n"), text);
  }

  @Test
  void fileName_isSiteLotAndTheSiteDay() {
    assertEquals("releve-AB123-lot-12-2026-11-28.csv", IndexCsv.fileName(statement()));
    // 23:30 UTC on the 28th is already the 29th in Paris
    assertEquals(
        "releve-AB123-lot-12-2026-11-29.csv",
        IndexCsv.fileName(statement("12", Instant.parse("2026-11-28T23:30:00Z"))));
    assertEquals(
        "releve-AB123-lot-B-12-bis-2026-11-28.csv",
        IndexCsv.fileName(statement(" B/12 bis ", Instant.parse("2026-11-28T12:05:00Z"))));
    assertEquals(
        "releve-AB123-2026-11-28.csv",
        IndexCsv.fileName(statement("", Instant.parse("2026-11-28T12:05:00Z"))));
    assertEquals(
        "releve-AB123-lot-12-2026-11-28.csv",
        IndexCsv.fileName(statement("../../12", Instant.parse("2026-11-28T12:05:00Z"))));
  }

  @Test
  void statement_inFrench_hasTheDateTheDwellingAndEveryIndexInOrder() {
    String body = IndexStatement.body(statement(), FR, Optional.empty()).toString();

    assertEquals("Relevé de compteurs", IndexStatement.title(FR));
    assertTrue(
        body.contains("<p class=\"statement__made\">Relevé établi le 28/11/2026 à 13:05</p>"),
        body);
    assertTrue(
        body.contains("<div><dt>Occupant</dt><dd>Anne &quot;Nana&quot; Martin</dd></div>"), body);
    assertTrue(body.contains("<div><dt>Résidence</dt><dd>AB123</dd></div>"), body);
    assertTrue(body.contains("<div><dt>Lot</dt><dd>12</dd></div>"), body);
    assertTrue(
        body.contains(
            "<tr><td>Eau froide</td><td>Compteur d’eau froide</td><td>12345678</td><td></td>"
                + "<td class=\"number\">123,450</td><td>m³</td><td>28/11/2026 07:00</td></tr>"),
        body);
    assertTrue(
        body.contains(
            "<td>Chauffage</td><td>Répartiteur de frais de chauffage</td><td>30000101</td>"
                + "<td>Séjour\nbaie</td><td class=\"number\">0</td><td>U</td>"
                + "<td>28/11/2026 00:30</td>"),
        body);
    assertTrue(
        body.indexOf("Eau froide") < body.indexOf("Eau chaude")
            && body.indexOf("Eau chaude") < body.indexOf("<td>Chauffage"),
        body);
    assertTrue(
        body.contains(
            "<button type=\"button\" class=\"button\" data-print hidden>Imprimer</button>"),
        body);
    assertFalse(body.contains("download"), body);
    assertCspSafe(body);
  }

  @Test
  void statement_inEnglish_groupsThousandsAndLinksTheCsv() {
    String body =
        IndexStatement.body(statement(), EN, Optional.of("/releve.csv?a=1&b=2")).toString();

    assertEquals("Meter statement", IndexStatement.title(EN));
    assertTrue(body.contains("Statement made on 28/11/2026 at 13:05"), body);
    assertTrue(
        body.contains(
            "<tr><td>Hot water</td><td>Hot water meter</td><td>40000001</td><td>=SUM(A1)</td>"
                + "<td class=\"number\">1,234.5</td><td>m³</td><td>28/11/2026 08:15</td></tr>"),
        body);
    assertTrue(
        body.contains(
            "<a class=\"button button--quiet\" href=\"/releve.csv?a=1&amp;b=2\" download>"
                + "Download (CSV)</a>"),
        body);
    assertTrue(body.contains(">Print</button>"), body);
    assertCspSafe(body);
  }

  @Test
  void statement_withoutDevicesOrLot_saysSoAndLeavesTheLotOut() {
    Statement empty =
        new Statement(
            "AB123", "x", "", "y", PARIS, Instant.parse("2026-11-28T12:05:00Z"), List.of());
    String body = IndexStatement.body(empty, FR, Optional.empty()).toString();

    assertTrue(
        body.contains(
            "<p class=\"notice\" id=\"statement-empty\">Aucun index relevé pour ce logement.</p>"),
        body);
    assertFalse(body.contains("<dt>Lot</dt>"), body);
    assertFalse(body.contains("<table"), body);
  }

  @Test
  void fluid_ofMedium_mapsTheGatewaysMediaToTheDashboardsTabs() {
    assertEquals(Optional.of(Fluid.COLD_WATER), Fluid.ofMedium("cold_water"));
    assertEquals(Optional.of(Fluid.COLD_WATER), Fluid.ofMedium("water"));
    assertEquals(Optional.of(Fluid.HOT_WATER), Fluid.ofMedium("hot_water"));
    assertEquals(Optional.of(Fluid.HEATING), Fluid.ofMedium("heat_cost_allocator"));
    assertEquals(Optional.of(Fluid.HEATING), Fluid.ofMedium("heat"));
    assertEquals(Optional.empty(), Fluid.ofMedium("gas"));
    assertEquals(Optional.empty(), Fluid.ofMedium(null));
  }

  @Test
  void printSupport_isInTheSharedCssAndScript() throws IOException {
    String css = resource("/io/releve/portal/static/portal.css");
    String js = resource("/io/releve/portal/static/portal.js");

    assertTrue(css.contains("@media print"), "print rules");
    assertTrue(css.contains("size: A4;"), "A4 page");
    assertTrue(js.contains("querySelectorAll(\"[data-print]\")"), "print handler");
    assertTrue(js.contains("window.print()"), "print handler");
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = IndexExportTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void assertCspSafe(String markup) {
    assertFalse(markup.contains("style="), markup);
    assertFalse(markup.toLowerCase().contains("<script"), markup);
    assertFalse(markup.toLowerCase().contains("<style"), markup);
    assertFalse(
        Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(markup).find(),
        markup);
  }
}
