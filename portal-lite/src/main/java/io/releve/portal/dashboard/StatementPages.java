package io.releve.portal.dashboard;

import io.releve.portal.export.IndexCsv;
import io.releve.portal.export.IndexLine;
import io.releve.portal.export.IndexStatement;
import io.releve.portal.export.Statement;
import io.releve.portal.store.AccountKind;
import io.releve.portal.usage.DeviceLine;
import io.releve.portal.usage.DwellingUsage;
import io.releve.portal.usage.FluidUnit;
import io.releve.portal.web.HttpError;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Obtenir un relevé": the current index of every installed device of the resident's dwelling, as
 * received inside their window, as a CSV file and as a printable page (the {@code export}
 * package's). A resident without a window gets a 404, as for any page that is not theirs.
 */
final class StatementPages {

  static final String PRINT = DashboardPage.PATH + "/releve";
  static final String CSV = DashboardPage.PATH + "/releve.csv";

  private final ResidentUsage residents;
  private final Clock clock;
  private final ZoneId zone;

  StatementPages(ResidentUsage residents, Clock clock, ZoneId zone) {
    this.residents = residents;
    this.clock = clock;
    this.zone = zone;
  }

  /** {@code GET /tableau-de-bord/releve}. */
  Response print(Request request) {
    Messages m = request.messages();
    Statement statement = statement(request);
    return Response.page(
        Page.of(IndexStatement.title(m), IndexStatement.body(statement, m, Optional.of(CSV))));
  }

  /** {@code GET /tableau-de-bord/releve.csv}. */
  Response csv(Request request) {
    Statement statement = statement(request);
    return Response.download(
        IndexCsv.fileName(statement),
        IndexCsv.CONTENT_TYPE,
        IndexCsv.bytes(statement, request.messages()));
  }

  private Statement statement(Request request) {
    long account = request.requireAccount(AccountKind.RESIDENT);
    Instant now = clock.instant();
    ResidentUsage.Seen seen = residents.of(account, now).orElseThrow(HttpError::notFound);
    DwellingUsage usage = seen.usage();
    List<IndexLine> lines = new ArrayList<>();
    for (FluidUnit of : usage.fluids()) {
      for (DeviceLine line : usage.figures(of).devices()) {
        if (line.installed() && line.index() != null) {
          lines.add(
              new IndexLine(
                  line.printedSerial() == null ? line.device() : line.printedSerial(),
                  of.fluid(),
                  line.medium(),
                  line.room() == null ? "" : line.room(),
                  line.index(),
                  line.unit().code(),
                  line.indexAt()));
        }
      }
    }
    String lot = seen.dwelling().lot() == null ? "" : seen.dwelling().lot();
    String resident = seen.account().firstName() + " " + seen.account().lastName();
    return new Statement(
        seen.dwelling().site().value(), seen.address(), lot, resident, zone, now, lines);
  }
}
