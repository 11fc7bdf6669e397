package io.releve.portal.dashboard;

import io.releve.portal.store.AccountKind;
import io.releve.portal.usage.DwellingUsage;
import io.releve.portal.usage.Fluid;
import io.releve.portal.usage.FluidUnit;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * {@code GET /tableau-de-bord?fluide=…}: one tab per fluid the dwelling has (plain links, no
 * script), the chosen tab's figures, breakdown and charts, and "Obtenir un relevé". Without a known
 * {@code fluide}, the first tab.
 */
final class DashboardPage {

  static final String PATH = "/tableau-de-bord";

  private final ResidentUsage residents;
  private final Clock clock;
  private final ZoneId zone;

  DashboardPage(ResidentUsage residents, Clock clock, ZoneId zone) {
    this.residents = residents;
    this.clock = clock;
    this.zone = zone;
  }

  Response show(Request request) {
    long account = request.requireAccount(AccountKind.RESIDENT);
    Messages m = request.messages();
    Optional<ResidentUsage.Seen> seen = residents.of(account, clock.instant());
    if (seen.isEmpty()) {
      return page(
          m, Html.of("<p class=\"notice\" id=\"no-access\">{}</p>", m.get("dashboard.no_access")));
    }
    DwellingUsage usage = seen.get().usage();
    List<FluidTab> tabs = new ArrayList<>();
    for (FluidUnit of : usage.fluids()) {
      FluidTab tab = FluidTab.of(of.fluid());
      if (!tabs.contains(tab)) {
        tabs.add(tab);
      }
    }
    Html window =
        Html.of(
            "<p class=\"dashboard-window\" id=\"window\">{}</p>",
            m.get("dashboard.window", Shown.day(usage.first(), m), Shown.day(usage.last(), m)));
    if (tabs.isEmpty()) {
      return page(
          m,
          Html.join(
              window,
              Html.of("<p class=\"notice\" id=\"no-devices\">{}</p>", m.get("dashboard.none")),
              export(m)));
    }
    FluidTab chosen =
        FluidTab.ofSlug(request.query(FluidTab.PARAMETER))
            .filter(tabs::contains)
            .orElse(tabs.get(0));
    return page(m, Html.join(window, tabs(tabs, chosen, m), sections(usage, chosen, m), export(m)));
  }

  private static Response page(Messages m, Html body) {
    return Response.page(Page.of(m.get("dashboard.title"), body));
  }

  private static Html tabs(List<FluidTab> tabs, FluidTab chosen, Messages m) {
    List<Html> links = Html.list();
    for (FluidTab tab : tabs) {
      links.add(
          Html.of(
              "<a href=\"{}?{}={}\" id=\"tab-{}\"{}>{}</a>",
              PATH,
              FluidTab.PARAMETER,
              tab.slug(),
              tab.slug(),
              tab == chosen ? Html.of(" aria-current=\"page\"") : Html.EMPTY,
              fluidName(tab.fluid(), m)));
    }
    return Html.of(
        "<nav class=\"fluid-tabs\" aria-label=\"{}\">{}</nav>",
        m.get("dashboard.tabs"),
        Html.join(links));
  }

  private Html sections(DwellingUsage usage, FluidTab chosen, Messages m) {
    List<FluidUnit> units =
        usage.fluids().stream().filter(of -> of.fluid() == chosen.fluid()).toList();
    YearMonth now = YearMonth.from(usage.today());
    List<Html> sections = Html.list();
    for (FluidUnit of : units) {
      String title =
          units.size() == 1
              ? fluidName(of.fluid(), m)
              : m.get("dashboard.fluid.in_unit", fluidName(of.fluid(), m), of.unit().symbol());
      SortedMap<YearMonth, BigDecimal> medians =
          residents
              .usage()
              .buildingMedian(usage.site(), of, now.minusMonths(UsageCharts.MONTHS - 1L), now);
      sections.add(FluidSection.render(title, usage, of, medians, zone, m));
    }
    return Html.join(sections);
  }

  private static String fluidName(Fluid fluid, Messages m) {
    return m.get("dashboard.fluid." + fluid.code());
  }

  private static Html export(Messages m) {
    return Html.of(
        "<section class=\"card\" id=\"export\"><h2>{}</h2><p>{}</p><div class=\"actions\">"
            + "<a class=\"button\" id=\"export-print\" href=\"{}\">{}</a>"
            + "<a class=\"button button--quiet\" id=\"export-csv\" href=\"{}\" download>{}</a>"
            + "</div></section>",
        m.get("dashboard.export"),
        m.get("dashboard.export.text"),
        StatementPages.PRINT,
        m.get("dashboard.export.print"),
        StatementPages.CSV,
        m.get("dashboard.export.csv"));
  }
}
