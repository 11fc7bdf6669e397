package io.releve.portal.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.portal.Poll;
import io.releve.portal.PortalTestStores;
import io.releve.portal.mail.FolderMailer;
import io.releve.portal.mail.MailQueue;
import io.releve.portal.mail.MailTexts;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.ClientRef;
import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.ManagerSites;
import io.releve.portal.store.Occupancy;
import io.releve.portal.store.SiteCode;
import io.releve.portal.web.Lang;
import io.releve.portal.web.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The landlord's four CSV files, imported on both engines. */
@Timeout(60)
class LandlordImportTest {

  private static final SiteCode SITE = new SiteCode("LY003");
  private static final SiteCode OTHER = new SiteCode("PA001");

  @TempDir Path dir;

  private Database database;
  private MailQueue mail;
  private LandlordImport imports;
  private Landlord landlord;

  private void open(Engine engine) {
    database = PortalTestStores.open(engine, dir);
    Clock clock = Clock.fixed(PortalTestStores.NOW, ZoneOffset.UTC);
    mail =
        new MailQueue(
            new FolderMailer(dir.resolve("outbox"), "Relevé <no-reply@localhost>", clock),
            100,
            Duration.ofMillis(10),
            Duration.ofSeconds(5));
    imports = new LandlordImport(database, mail, new MailTexts("http://localhost:8080"), clock);
    landlord = new Landlord(database);
  }

  @AfterEach
  void close() {
    if (mail != null) {
      mail.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private ImportReport run(ImportKind kind, ImportScope scope, String... lines) {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return imports.run(kind, bytes, scope, null);
  }

  private ImportReport run(ImportKind kind, String... lines) {
    return run(kind, ImportScope.everySite(), lines);
  }

  private static List<String> reasons(ImportReport report) {
    Messages messages = Messages.load(Lang.EN);
    return report.rejected().stream().map(r -> r.line() + ": " + r.reason(messages)).toList();
  }

  private void dwellings() {
    ImportReport report =
        run(
            ImportKind.DWELLINGS,
            "site;dwelling;lot;client_ref",
            "LY003;A01;101;L/ 12 345-a",
            "\"LY003\";\"A02\";\"102\";\"12346-A\"",
            "PA001;B01;;9999");
    assertEquals(List.of(), reasons(report));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void importDwellings_goodFile_storesDwellingsWithNormalizedClientRefs(Engine engine) {
    open(engine);

    dwellings();

    List<DwellingRef> found = database.read("check", c -> landlord.dwellings(c, SITE));
    assertEquals(2, found.size());
    assertEquals("12345-A", found.get(0).clientRef());
    assertEquals("101", found.get(0).lot());
    assertEquals("A02", found.get(1).label());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void importAddresses_withBomAndQuotedSemicolon_storesTheAddress(Engine engine) {
    open(engine);

    ImportReport report =
        run(
            ImportKind.ADDRESSES,
            "\uFEFFsite;street;postcode;city",
            "ly003;\"12 rue des Lilas; bâtiment B\";69003;Lyon");

    assertEquals(1, report.accepted());
    assertEquals(List.of(), reasons(report));
    assertEquals(
        "12 rue des Lilas; bâtiment B, 69003 Lyon",
        database.read("check", c -> landlord.address(c, SITE)).orElseThrow().oneLine());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void importOccupancies_bothDateFormats_storeTheSameDates(Engine engine) {
    open(engine);
    dwellings();

    ImportReport report =
        run(
            ImportKind.OCCUPANCIES,
            "client_ref;last_name;first_name;email;move_in;move_out",
            "12345-A;Martin;Claire;Claire.Martin@Exemple.fr;01/09/2024;",
            "12346-A;Durand;Paul;;2023-03-15;31/08/2025");

    assertEquals(2, report.accepted());
    long a01 =
        database
            .read("find", c -> landlord.dwellingByClientRef(c, new ClientRef("12345-A")))
            .orElseThrow()
            .id();
    Occupancy claire = database.read("check", c -> landlord.occupancies(c, a01)).get(0);
    assertEquals(LocalDate.of(2024, 9, 1), claire.moveIn());
    assertEquals("claire.martin@exemple.fr", claire.email());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void importOccupancies_badLines_eachRejectedWithItsLineAndReason(Engine engine) {
    open(engine);
    dwellings();

    ImportReport report =
        run(
            ImportKind.OCCUPANCIES,
            "client_ref;last_name;first_name;email;move_in;move_out",
            "12345-A;Martin;Claire;pas-une-adresse;2024-09-01;",
            "12345-A;Martin;Claire;;2024-02-30;",
            "77777;Martin;Claire;;2024-09-01;",
            "12345-A;;Claire;;2024-09-01;",
            "12345-A;Martin;Claire;;2024-09-01",
            "12345-A;Martin;Claire;;2024-09-01;2024-08-01",
            "12346-A;Durand;Paul;;2023-03-15;");

    assertEquals(1, report.accepted());
    assertEquals(
        List.of(
            "2: Wrong e-mail address in email: \"pas-une-adresse\".",
            "3: Wrong date in move_in: \"2024-02-30\" (YYYY-MM-DD or DD/MM/YYYY).",
            "4: Unknown client reference: 77777 (import the dwellings file first).",
            "5: Column last_name is required.",
            "6: 6 columns expected, 5 found.",
            "7: The move-out date 2024-08-01 is before the move-in date 2024-09-01."),
        reasons(report));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void importDwellings_badSiteOrTakenClientRef_rejectsThoseLines(Engine engine) {
    open(engine);
    dwellings();

    ImportReport report =
        run(
            ImportKind.DWELLINGS,
            "site;dwelling;lot;client_ref",
            "LY03;A03;103;5555",
            "LY003;A03;103;12345-A",
            "LY003;A03;103;\"5555");

    assertEquals(0, report.accepted());
    assertEquals(
        List.of(
            "2: Wrong site code in site: \"LY03\" (two letters and three digits, such as LY003).",
            "3: Client reference 12345-A already belongs to dwelling A01 of site LY003.",
            "4: A quote was opened and never closed."),
        reasons(report));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void import_wrongHeader_refusesTheWholeFileWithTheExpectedHeader(Engine engine) {
    open(engine);

    ImportReport report =
        run(ImportKind.DWELLINGS, "site;logement;lot;ref", "LY003;A01;101;12345-A");

    assertEquals(0, report.accepted());
    assertEquals(
        List.of("1: Wrong header: the first line must be site;dwelling;lot;client_ref"),
        reasons(report));
    assertEquals(List.of(), database.read("check", c -> landlord.dwellings(c, SITE)));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void import_sameFileTwice_changesNothing(Engine engine) {
    open(engine);
    dwellings();
    String[] occupancies = {
      "client_ref;last_name;first_name;email;move_in;move_out",
      "12345-A;Martin;Claire;claire@exemple.fr;2024-09-01;"
    };
    String[] managers = {"email;last_name;first_name;sites", "luc@exemple.fr;Bernard;Luc;LY003"};
    run(ImportKind.OCCUPANCIES, occupancies);
    run(ImportKind.MANAGERS, managers);
    String before = snapshot();

    dwellings();
    ImportReport again = run(ImportKind.OCCUPANCIES, occupancies);
    run(ImportKind.MANAGERS, managers);

    assertEquals(1, again.accepted());
    assertEquals(before, snapshot());
  }

  private String snapshot() {
    return database.read(
        "snapshot",
        c -> {
          StringBuilder all = new StringBuilder();
          for (String sql :
              List.of(
                  "SELECT id, site, label, lot FROM dwellings ORDER BY id",
                  "SELECT dwelling, client_ref FROM landlord_dwellings ORDER BY dwelling",
                  "SELECT id, dwelling, last_name, email, move_in, move_out FROM occupancies"
                      + " ORDER BY id",
                  "SELECT id, email, kind FROM accounts ORDER BY id",
                  "SELECT account, site FROM manager_sites ORDER BY account, site",
                  "SELECT count(*) FROM tokens")) {
            try (var statement = c.createStatement();
                var rows = statement.executeQuery(sql)) {
              while (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                  all.append(rows.getString(i)).append('|');
                }
                all.append('\n');
              }
            }
          }
          return all.toString();
        });
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void importManagers_newManager_getsAnAccountItsSitesAndAnActivationMail(Engine engine)
      throws Exception {
    open(engine);
    dwellings();

    ImportReport report =
        run(
            ImportKind.MANAGERS,
            "email;last_name;first_name;sites",
            "Luc.Bernard@Exemple.fr;Bernard;Luc;LY003, PA001",
            "luc-sans-arobase;Bernard;Luc;LY003");

    assertEquals(1, report.accepted());
    var account = new Accounts(database).byEmail("luc.bernard@exemple.fr").orElseThrow();
    assertEquals(
        List.of(SITE, OTHER),
        database.read("sites", c -> new ManagerSites().sitesOf(c, account.id())));
    Path outbox = dir.resolve("outbox");
    Poll.until(() -> mail.sent() == 1, () -> "the activation mail");
    assertEquals(1, count(outbox));
    try (Stream<Path> files = Files.list(outbox)) {
      String eml = Files.readString(files.findFirst().orElseThrow());
      assertTrue(eml.contains("To: luc.bernard@exemple.fr"), eml);
      assertTrue(eml.contains("/activation?token"), eml);
    }
  }

  private static long count(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void importByAManager_linesOfOtherSites_areRejectedAsNotTheirs(Engine engine) {
    open(engine);
    dwellings();
    run(
        ImportKind.MANAGERS,
        "email;last_name;first_name;sites",
        "luc@exemple.fr;Bernard;Luc;LY003");
    long luc = new Accounts(database).byEmail("luc@exemple.fr").orElseThrow().id();

    ImportReport report =
        run(
            ImportKind.OCCUPANCIES,
            ImportScope.sitesOf(luc),
            "client_ref;last_name;first_name;email;move_in;move_out",
            "12345-A;Martin;Claire;;2024-09-01;",
            "9999;Petit;Jean;;2024-09-01;");

    assertEquals(1, report.accepted());
    assertEquals(List.of("3: Site PA001 is not one of your sites."), reasons(report));
  }
}
