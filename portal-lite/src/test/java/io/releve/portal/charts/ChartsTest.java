package io.releve.portal.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.portal.web.Html;
import io.releve.portal.web.Lang;
import io.releve.portal.web.Messages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ChartsTest {

  private static final Messages FR = Messages.load(Lang.FR);
  private static final Messages EN = Messages.load(Lang.EN);

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  /** January to April 2026: 2 m³, 0, unknown, 5 m³. The scale is 0–6 by 2 (see NiceScaleTest). */
  private static BarChart fourMonths() {
    return BarChart.of(
        "water-months",
        "Eau froide",
        "m3",
        Periods.months(YearMonth.of(2026, 1), 4),
        Series.of("2026", d("2"), d("0"), null, d("5")));
  }

  private static void assertContains(String expected, Object actual) {
    assertTrue(actual.toString().contains(expected), "expected [" + expected + "] in:\n" + actual);
  }

  /** No script, no inline style, no event attribute: what the Content-Security-Policy forbids. */
  static void assertCspSafe(Object markup) {
    String text = markup.toString();
    assertFalse(text.contains("style="), text);
    assertFalse(text.toLowerCase().contains("<style"), text);
    assertFalse(text.toLowerCase().contains("<script"), text);
    assertFalse(text.contains("javascript:"), text);
    assertFalse(
        Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(text).find(),
        text);
  }

  @Test
  void assertCspSafe_catchesEachForbiddenConstruct() {
    for (String bad :
        List.of(
            "<rect style=\"fill:red\"/>",
            "<style>rect{}</style>",
            "<script>x()</script>",
            "<rect onclick=\"x()\"/>",
            "<svg\nonload=\"x()\">")) {
      assertThrows(AssertionFailedError.class, () -> assertCspSafe(bad), bad);
    }
    assertCspSafe("<title>onload=1 is text here</title>");
  }

  @Test
  void svg_fourMonthsInFrench_drawsEachBarAtItsHandComputedPlace() {
    String svg = Charts.svg(fourMonths(), FR).toString();

    // slot 300 / 4 = 75, bar 70 % of it = 52.5, first bar at 48 + 11.25; 2 of 6 is 150 × 2 / 6 = 50
    assertContains(
        "<rect class=\"chart__bar\" x=\"59.25\" y=\"112\" width=\"52.5\" height=\"50\">", svg);
    // 5 of 6 is 125 high, from y 162 − 125 = 37
    assertContains(
        "<rect class=\"chart__bar\" x=\"284.25\" y=\"37\" width=\"52.5\" height=\"125\">", svg);
    assertEquals(2, count("<rect class=\"chart__bar\"", svg));
  }

  @Test
  void svg_zeroAndUnknown_areDrawnDifferently() {
    String svg = Charts.svg(fourMonths(), FR).toString();

    // zero: a 2-unit tick standing on the axis, so a closed radiator visibly shows 0
    assertContains(
        "<rect class=\"chart__zero\" x=\"134.25\" y=\"160\" width=\"52.5\" height=\"2\">"
            + "<title>2026, février 2026 : 0 m³</title></rect>",
        svg);
    // unknown: a hatched band over the whole plot height, no bar
    assertContains(
        "<rect class=\"chart__unknown\" x=\"209.25\" y=\"12\" width=\"52.5\" height=\"150\""
            + " fill=\"url(#water-months-hatch)\"><title>2026, mars 2026 : inconnu</title></rect>",
        svg);
    assertContains("<pattern id=\"water-months-hatch\"", svg);
  }

  @Test
  void svg_axis_hasNiceTicksWithGridLinesAndTheUnit() {
    String svg = Charts.svg(fourMonths(), FR).toString();

    assertContains(
        "<text class=\"chart__tick\" x=\"44\" y=\"165\" text-anchor=\"end\">0</text>", svg);
    assertContains("<line class=\"chart__grid\" x1=\"48\" y1=\"112\" x2=\"348\" y2=\"112\"/>", svg);
    assertContains(
        "<text class=\"chart__tick\" x=\"44\" y=\"115\" text-anchor=\"end\">2</text>", svg);
    assertContains(
        "<text class=\"chart__tick\" x=\"44\" y=\"65\" text-anchor=\"end\">4</text>", svg);
    assertContains("<line class=\"chart__grid\" x1=\"48\" y1=\"12\" x2=\"348\" y2=\"12\"/>", svg);
    assertContains(
        "<text class=\"chart__tick\" x=\"44\" y=\"15\" text-anchor=\"end\">6</text>", svg);
    assertEquals(4, count("class=\"chart__tick\"", svg));
    assertContains("<text class=\"chart__unit\" x=\"0\" y=\"8\">m³</text>", svg);
    assertContains("<line class=\"chart__axis\" x1=\"48\" y1=\"162\" x2=\"348\" y2=\"162\"/>", svg);
  }

  @Test
  void svg_tickLabels_useTheReadersDecimalMark() {
    BarChart chart =
        BarChart.of(
            "heat",
            "Chauffage",
            "U",
            Periods.months(YearMonth.of(2026, 1), 1),
            Series.of("U", d("9")));

    assertContains(">2,5</text>", Charts.svg(chart, FR));
    assertContains(">7,5</text>", Charts.svg(chart, FR));
    assertContains(">2.5</text>", Charts.svg(chart, EN));
  }

  @Test
  void svg_monthLabels_areShortFormsInBothLanguagesWithTheYearUnderTheFirst() {
    String fr = Charts.svg(fourMonths(), FR).toString();
    String en = Charts.svg(fourMonths(), EN).toString();

    // centres 48 + 37.5, + 75 each
    assertContains(
        "<text class=\"chart__label\" x=\"85.5\" y=\"176\" text-anchor=\"middle\">janv.</text>",
        fr);
    assertContains(
        "<text class=\"chart__label\" x=\"160.5\" y=\"176\" text-anchor=\"middle\">févr.</text>",
        fr);
    assertContains(">mars</text>", fr);
    assertContains(">avr.</text>", fr);
    assertContains(
        "<text class=\"chart__context\" x=\"85.5\" y=\"190\" text-anchor=\"middle\">2026</text>",
        fr);
    assertContains(
        "<text class=\"chart__label\" x=\"85.5\" y=\"176\" text-anchor=\"middle\">Jan</text>", en);
    assertContains(">Feb</text>", en);
    assertContains(">Apr</text>", en);
    assertContains("<title>2026, February 2026: 0 m³</title>", en);
  }

  @Test
  void svg_daysAcrossAMonthEnd_labelsDayNumbersAndEachMonthOnce() {
    BarChart chart =
        BarChart.of(
            "days",
            "Eau chaude",
            "m3",
            Periods.days(LocalDate.of(2026, 11, 30), 3),
            Series.of("m³", d("0.1"), d("0.2"), d("0.1")));
    String svg = Charts.svg(chart, FR).toString();

    // slot 100: centres 98, 198, 298
    assertContains(
        "<text class=\"chart__label\" x=\"98\" y=\"176\" text-anchor=\"middle\">30</text>", svg);
    assertContains(
        "<text class=\"chart__label\" x=\"198\" y=\"176\" text-anchor=\"middle\">1</text>", svg);
    assertContains(
        "<text class=\"chart__context\" x=\"98\" y=\"190\" text-anchor=\"middle\">nov. 2026</text>",
        svg);
    assertContains(
        "<text class=\"chart__context\" x=\"198\" y=\"190\" text-anchor=\"middle\">déc. 2026</text>",
        svg);
    assertContains("<title>m³, 2 déc. 2026 : 0,1 m³</title>", svg);
  }

  @Test
  void svg_twentyFourMonths_labelsOneMonthInThreeAndDropsACrowdedFirstYear() {
    BarChart chart =
        BarChart.of(
            "two-years",
            "Eau froide",
            "m3",
            Periods.months(YearMonth.of(2025, 12), 24),
            new Series("2026", java.util.Collections.nCopies(24, d("1"))));
    String svg = Charts.svg(chart, FR).toString();

    assertEquals(3, ChartSvg.labelEvery(chart.periods()));
    assertEquals(8, count("class=\"chart__label\"", svg));
    // slot 12.5: December 2025 at 54.25, January 2026 at 66.75 — too close for two years
    assertFalse(svg.contains(">2025</text>"), svg);
    assertContains(
        "<text class=\"chart__context\" x=\"66.75\" y=\"190\" text-anchor=\"middle\">2026</text>",
        svg);
    assertContains(">2027</text>", svg);
    assertEquals(1, ChartSvg.labelEvery(Periods.months(YearMonth.of(2026, 1), 10)));
    assertEquals(2, ChartSvg.labelEvery(Periods.days(LocalDate.of(2026, 1, 1), 31)));
  }

  @Test
  void svg_comparedSeriesAndMedianLine_sitSideBySideAndOver() {
    // max 3: step 1, top 3; slot 150, bars 60 wide at 10 % and 50 % of the slot
    BarChart chart =
        BarChart.of(
                "vs-last-year",
                "Eau froide",
                "m3",
                Periods.months(YearMonth.of(2026, 1), 2),
                Series.of("2026", d("1"), d("3")))
            .withCompared(Series.of("2025", d("2"), null))
            .withLine(Series.of("Médiane", d("2.5"), d("2.5")));
    String svg = Charts.svg(chart, FR).toString();

    assertContains(
        "<rect class=\"chart__bar chart__bar--compared\" x=\"63\" y=\"62\" width=\"60\" height=\"100\">",
        svg);
    assertContains(
        "<rect class=\"chart__bar\" x=\"123\" y=\"112\" width=\"60\" height=\"50\">", svg);
    assertContains(
        "<rect class=\"chart__unknown\" x=\"213\" y=\"12\" width=\"60\" height=\"150\"", svg);
    assertContains(
        "<rect class=\"chart__bar\" x=\"273\" y=\"12\" width=\"60\" height=\"150\">", svg);
    // 2.5 of 3 is 125 high: y 37, at the slot centres 123 and 273
    assertContains("<path class=\"chart__line\" d=\"M123 37 L273 37\" fill=\"none\"/>", svg);
    assertContains("<circle class=\"chart__point\" cx=\"273\" cy=\"37\" r=\"2.5\">", svg);
  }

  @Test
  void svg_lineWithAnUnknownPeriod_breaksThere() {
    BarChart chart =
        BarChart.of(
                "gap",
                "Eau froide",
                "m3",
                Periods.days(LocalDate.of(2026, 11, 1), 3),
                Series.of("2026", d("4"), d("4"), d("4")))
            .withLine(Series.of("Médiane", d("2"), null, d("2")));

    // max 4: step 1, top 4; 2 of 4 is 75 high, y 87; centres 98 and 298
    assertContains("d=\"M98 87 M298 87\"", Charts.svg(chart, FR));
    assertEquals(2, count("<circle", Charts.svg(chart, FR).toString()));
  }

  @Test
  void svg_aTinyPositiveValue_staysVisibleAndIsNotDrawnAsZero() {
    BarChart chart =
        BarChart.of(
            "tiny",
            "Eau froide",
            "m3",
            Periods.months(YearMonth.of(2026, 1), 2),
            Series.of("2026", d("100"), d("0.01")));
    String svg = Charts.svg(chart, FR).toString();

    // 0.01 of 100 would be 0.02 high: drawn 1 high, as a bar
    assertContains(
        "<rect class=\"chart__bar\" x=\"220.5\" y=\"161\" width=\"105\" height=\"1\">", svg);
    assertFalse(svg.contains("chart__zero"), svg);
  }

  @Test
  void svg_isAccessibleWithATitleAndADescription() {
    String svg = Charts.svg(fourMonths(), FR).toString();

    assertContains(
        "<svg class=\"chart__svg\" viewBox=\"0 0 360 200\" width=\"100%\" font-size=\"10\""
            + " role=\"img\" aria-labelledby=\"water-months-title water-months-desc\"",
        svg);
    assertContains("<title id=\"water-months-title\">Eau froide</title>", svg);
    assertContains(
        "<desc id=\"water-months-desc\">Diagramme en barres de janvier 2026 à avril 2026, en m³ :"
            + " 4 périodes, dont 1 sans relevé. Chaque valeur figure dans le tableau de données."
            + "</desc>",
        svg);
    assertContains(
        "<desc id=\"water-months-desc\">Bar chart from January 2026 to April 2026, in m³: 4"
            + " periods, 1 without a reading.",
        Charts.svg(fourMonths(), EN));
  }

  @Test
  void table_hasTheSameNumbersWithUnknownSpelledOut() {
    String fr = Charts.table(fourMonths(), FR).toString();

    assertContains("<caption>Eau froide (m³)</caption>", fr);
    assertContains(
        "<th scope=\"col\">Période</th><th scope=\"col\" class=\"number\">2026</th>", fr);
    assertContains("<tr><th scope=\"row\">janvier 2026</th><td class=\"number\">2</td></tr>", fr);
    assertContains("<tr><th scope=\"row\">février 2026</th><td class=\"number\">0</td></tr>", fr);
    assertContains(
        "<tr><th scope=\"row\">mars 2026</th>"
            + "<td class=\"number chart__cell--unknown\">inconnu</td></tr>",
        fr);
    assertContains(
        "<tr><th scope=\"row\">April 2026</th><td class=\"number\">5</td></tr>",
        Charts.table(fourMonths(), EN));
  }

  @Test
  void table_withComparedAndLine_hasAColumnEachWithReadersDecimals() {
    BarChart chart =
        BarChart.of(
                "t",
                "Chauffage",
                "U",
                Periods.days(LocalDate.of(2026, 11, 28), 1),
                Series.of("2026", d("12.5")))
            .withCompared(Series.of("2025", d("10")))
            .withLine(Series.of("Médiane", d("11.25")));

    assertContains(
        "<tr><th scope=\"row\">28 nov. 2026</th><td class=\"number\">10</td>"
            + "<td class=\"number\">12,5</td><td class=\"number\">11,25</td></tr>",
        Charts.table(chart, FR));
    assertContains(
        "<tr><th scope=\"row\">28 Nov 2026</th><td class=\"number\">10</td>"
            + "<td class=\"number\">12.5</td><td class=\"number\">11.25</td></tr>",
        Charts.table(chart, EN));
  }

  @Test
  void figure_holdsSvgLegendAndTableBehindAShowAsTableSummary() {
    String fr = Charts.figure(fourMonths(), FR).toString();

    assertTrue(fr.startsWith("<figure class=\"chart\" id=\"water-months\"><svg "), fr);
    assertContains("<details class=\"chart__details\"><summary>Afficher en tableau</summary>", fr);
    assertContains("<summary>Show as a table</summary>", Charts.figure(fourMonths(), EN));
    assertContains(
        "<ul class=\"chart__legend\"><li><span class=\"chart__key chart__key--bars\""
            + " aria-hidden=\"true\"></span>2026</li>",
        fr);
    assertContains(">Zéro (trait sur l’axe)</li>", fr);
    assertContains(">Sans relevé (hachuré)</li>", fr);
  }

  @Test
  void svg_onePeriod_isDescribedInTheSingular() {
    BarChart chart =
        BarChart.of(
            "one",
            "Eau",
            "m3",
            Periods.months(YearMonth.of(2026, 1), 1),
            Series.of("2026", d("1")));

    assertContains("en m³ : 1 période, dont 0 sans relevé.", Charts.svg(chart, FR));
    assertContains("in m³: 1 period, 0 without a reading.", Charts.svg(chart, EN));
  }

  @Test
  void legend_withoutUnknownBars_hasNoUnknownKey() {
    BarChart chart =
        BarChart.of(
                "k",
                "Eau",
                "m3",
                Periods.months(YearMonth.of(2026, 1), 1),
                Series.of("2026", d("1")))
            .withLine(Series.of("Médiane", (BigDecimal) null));
    String legend = Charts.legend(chart, EN).toString();

    assertFalse(legend.contains("chart__key--unknown"), legend);
    assertContains("chart__key--line\" aria-hidden=\"true\"></span>Médiane</li>", legend);
  }

  @Test
  void figure_escapesTitlesAndLabels() {
    BarChart chart =
        BarChart.of(
                "esc",
                "<b>\"Eau\" & co</b>",
                "m3",
                Periods.months(YearMonth.of(2026, 1), 1),
                Series.of("<script>alert(1)</script>", d("1")))
            .withLine(Series.of("x\" onmouseover=\"alert(1)", d("1")));
    String figure = Charts.figure(chart, FR).toString();

    assertContains(
        "<title id=\"esc-title\">&lt;b&gt;&quot;Eau&quot; &amp; co&lt;/b&gt;</title>", figure);
    assertContains("&lt;script&gt;alert(1)&lt;/script&gt;", figure);
    assertContains("x&quot; onmouseover=&quot;alert(1)", figure);
    assertCspSafe(figure);
  }

  @Test
  void figure_inBothLanguagesWithEveryKindOfMark_isCspSafeAndWellFormedXml() throws Exception {
    BarChart chart =
        BarChart.of(
                "all",
                "Eau froide",
                "m3",
                Periods.months(YearMonth.of(2025, 1), 24),
                new Series("2026", java.util.Collections.nCopies(24, d("1.5"))))
            .withCompared(Series.of("2025", new BigDecimal[24]))
            .withLine(new Series("Médiane", java.util.Collections.nCopies(24, BigDecimal.ZERO)));
    for (Messages m : new Messages[] {FR, EN}) {
      Html figure = Charts.figure(chart, m);
      assertCspSafe(figure);
      DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(figure.toString().getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void portalCss_definesEveryChartClassTheMarkupUses() throws IOException {
    String css;
    try (InputStream in = getClass().getResourceAsStream("/io/releve/portal/static/portal.css")) {
      css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    BarChart chart =
        fourMonths()
            .withCompared(Series.of("2025", d("1"), d("1"), d("1"), d("1")))
            .withLine(Series.of("Médiane", d("1"), d("1"), d("1"), d("1")));
    Matcher classes =
        Pattern.compile("chart__[a-z-]+").matcher(Charts.figure(chart, FR).toString());
    while (classes.find()) {
      assertContains("." + classes.group(), css);
    }
    assertContains("/* --- charts and index statement --- */", css);
  }

  @Test
  void barChart_refusesMismatchedSeriesNegativeValuesAndUnsafeIds() {
    Periods two = Periods.months(YearMonth.of(2026, 1), 2);
    assertThrows(
        IllegalArgumentException.class,
        () -> BarChart.of("a", "t", "m3", two, Series.of("s", d("1"))));
    assertThrows(IllegalArgumentException.class, () -> Series.of("s", d("-1")));
    assertThrows(
        IllegalArgumentException.class,
        () -> BarChart.of("a\" onload=\"x", "t", "m3", two, Series.of("s", d("1"), d("2"))));
    assertThrows(IllegalArgumentException.class, () -> Periods.months(YearMonth.of(2026, 1), 0));
    assertThrows(IllegalArgumentException.class, () -> Periods.days(LocalDate.of(2026, 1, 1), 63));
  }

  private static int count(String needle, String haystack) {
    int count = 0;
    for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }
}
