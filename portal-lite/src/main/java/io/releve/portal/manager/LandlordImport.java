package io.releve.portal.manager;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.Durability;
import io.releve.portal.mail.Mail;
import io.releve.portal.mail.MailQueue;
import io.releve.portal.mail.MailTexts;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.AuditLog;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.TokenStore;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Imports one of the landlord's CSV files (see {@link ImportKind}): every good line is stored in
 * one transaction with the import's audit row, every bad line is reported with its number and
 * reason. Importing the same file again changes nothing. New managers get an account and an
 * activation mail, queued once the transaction has committed.
 */
public final class LandlordImport {

  private static final char BOM = '\uFEFF';

  private final Database database;
  private final MailQueue mail;
  private final MailTexts texts;
  private final Clock clock;

  public LandlordImport(Database database, MailQueue mail, MailTexts texts, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.mail = Objects.requireNonNull(mail, "mail");
    this.texts = Objects.requireNonNull(texts, "texts");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Imports {@code file}. A file that is not UTF-8 or whose header is not {@code kind}'s is refused
   * whole: the report has that one reason, on line 1.
   *
   * @param ip where the import came from, for the audit; null from the command line
   * @throws io.releve.cloud.store.StoreException when the store fails: nothing is stored then
   */
  public ImportReport run(ImportKind kind, byte[] file, ImportScope scope, String ip) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(file))
              .toString();
    } catch (CharacterCodingException e) {
      return refused(kind, new LineRejected("manager.import.encoding"));
    }
    if (!text.isEmpty() && text.charAt(0) == BOM) {
      text = text.substring(1);
    }
    List<CsvRecord> records = Csv.parse(text);
    if (records.isEmpty() || !isHeader(kind, records.get(0))) {
      return refused(kind, new LineRejected("manager.import.header", kind.headerLine()));
    }
    List<CsvRecord> lines = records.subList(1, records.size());
    Outcome outcome =
        database.write(
            "import " + kind.value(),
            Durability.FULL,
            c -> {
              Instant now = clock.instant();
              ImportLines store =
                  new ImportLines(
                      c,
                      scope,
                      now,
                      new Landlord(database),
                      new Accounts(database),
                      new TokenStore(database),
                      texts);
              int accepted = 0;
              List<ImportReport.Rejection> rejected = new ArrayList<>();
              for (CsvRecord line : lines) {
                if (line.isBlank()) {
                  continue;
                }
                try {
                  store.store(kind, fields(kind, line));
                  accepted++;
                } catch (LineRejected reason) {
                  rejected.add(reason.at(line.line()));
                }
              }
              new AuditLog(database)
                  .append(
                      c,
                      now,
                      scope.actor(),
                      "import",
                      kind.value(),
                      ip,
                      "accepted " + accepted + ", rejected " + rejected.size());
              return new Outcome(new ImportReport(kind, accepted, rejected), store.mails);
            });
    for (Mail activation : outcome.mails()) {
      mail.offer(activation);
    }
    return outcome.report();
  }

  private record Outcome(ImportReport report, List<Mail> mails) {}

  private static Fields fields(ImportKind kind, CsvRecord line) throws LineRejected {
    if (line.unclosedQuote()) {
      throw new LineRejected("manager.import.quote");
    }
    if (line.fields().size() != kind.header().size()) {
      throw new LineRejected(
          "manager.import.columns",
          String.valueOf(kind.header().size()),
          String.valueOf(line.fields().size()));
    }
    return new Fields(kind.header(), line.fields());
  }

  private static boolean isHeader(ImportKind kind, CsvRecord first) {
    return first.fields().stream()
        .map(name -> name.toLowerCase(Locale.ROOT))
        .toList()
        .equals(kind.header());
  }

  private static ImportReport refused(ImportKind kind, LineRejected reason) {
    return new ImportReport(kind, 0, List.of(reason.at(1)));
  }
}
