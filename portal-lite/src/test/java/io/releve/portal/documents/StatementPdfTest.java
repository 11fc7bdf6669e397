package io.releve.portal.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.usage.Fluid;
import io.releve.portal.usage.FluidUnit;
import io.releve.portal.usage.UsageUnit;
import io.releve.portal.web.Lang;
import io.releve.portal.web.Messages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/**
 * The statement's pure parts: text the standard fonts can show, the evolution, the building
 * average, and a PDF rendered from values (read back with PDFBox).
 */
class StatementPdfTest {

  private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

  @Test
  void safe_keepsFrenchAccentsQuotesDashesAndCubicMetres() {
    String french = "Évolution été à l’année – 3,125 m³ « pas de donnée » ç ô ù";
    assertEquals(french, PdfText.safe(HELVETICA, french));
  }

  @Test
  void safe_replacesNarrowSpacesAndMinus_andAnythingElseOutsideWinAnsiByAQuestionMark() {
    // Java writes 1 234,5 with a narrow no-break space in French; the minus sign; a Greek letter
    assertEquals("1 234,5 -3 % ? <=", PdfText.safe(HELVETICA, "1\u202F234,5 \u22123\u00A0% Ω ≤"));
  }

  @Test
  void percent_isTheChangeOnLastYearWithOneDecimal_nullWithoutABase() {
    // (90 - 80) / 80 = +12.5 %; (2 - 3) / 3 = -33.33… % down to -33.3; 1/6 = 16.666… up to 16.7
    assertEquals(
        new BigDecimal("12.5"), Evolution.percent(new BigDecimal("90"), new BigDecimal("80")));
    assertEquals(
        new BigDecimal("-33.3"), Evolution.percent(new BigDecimal("2"), new BigDecimal("3")));
    assertEquals(
        new BigDecimal("16.7"), Evolution.percent(new BigDecimal("7"), new BigDecimal("6")));
    assertEquals(
        new BigDecimal("0.0"), Evolution.percent(new BigDecimal("5.0"), new BigDecimal("5")));
    assertNull(Evolution.percent(new BigDecimal("5"), BigDecimal.ZERO));
    assertNull(Evolution.percent(null, new BigDecimal("5")));
    assertNull(Evolution.percent(new BigDecimal("5"), null));
  }

  @Test
  void mean_ofThreeDwellingsOrMore_twoDecimalsAtLeast_noneUnderThree() {
    assertEquals(
        new BuildingAverage.Figure(new BigDecimal("90.00"), 3),
        BuildingAverage.mean(
            List.of(new BigDecimal("90"), new BigDecimal("60"), new BigDecimal("120"))));
    // 8.500 / 3 = 2.8333…: three decimals, as the uses have
    assertEquals(
        new BuildingAverage.Figure(new BigDecimal("2.833"), 3),
        BuildingAverage.mean(
            List.of(new BigDecimal("3.125"), new BigDecimal("3.000"), new BigDecimal("2.375"))));
    assertNull(BuildingAverage.mean(List.of(new BigDecimal("90"), new BigDecimal("60"))));
  }

  @Test
  void render_heatMeterInKwhWithThousands_inFrench_readsBackWithPlainSpaces() throws Exception {
    FluidUnit kwh = new FluidUnit(Fluid.HEATING, UsageUnit.KILOWATT_HOURS);
    MonthlyStatement statement =
        new MonthlyStatement(
            YearMonth.of(2026, 1),
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-01-31"),
            "LY003",
            "B12",
            null,
            "Élodie Lefèvre",
            List.of(
                new FluidLine(
                    kwh,
                    new BigDecimal("1234.5"),
                    new BigDecimal("1500"),
                    Evolution.percent(new BigDecimal("1234.5"), new BigDecimal("1500")),
                    null)),
            null,
            LocalDate.parse("2026-02-02"));

    byte[] pdf =
        new StatementPdf(Messages.load(Lang.FR))
            .render(
                statement, LocalDate.parse("2026-02-02").atStartOfDay(ZoneId.of("Europe/Paris")));

    String text = DocumentsWorld.text(pdf);
    assertTrue(text.startsWith("Relevé de consommation – janvier 2026\n"), text);
    assertTrue(text.contains("Occupant : Élodie Lefèvre\n"), text);
    // (1234.5 - 1500) / 1500 = -17.7 %
    assertTrue(text.contains("Chauffage (kWh) 1 234,5 1 500 -17,7 % pas de donnée\n"), text);
    assertTrue(
        text.contains(
            "Réclamations et questions\nAdressez-vous à votre gestionnaire ou à votre bailleur.\n"),
        text);
    // no allocator: no note about units
    assertFalse(text.contains("unités"), text);
  }
}
