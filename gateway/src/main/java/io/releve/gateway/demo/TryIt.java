package io.releve.gateway.demo;

import io.releve.gateway.device.Medium;
import io.releve.gateway.sim.building.Building;
import io.releve.gateway.store.InstalledDevice;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the demo prints for a newcomer to try: where the portal is, what to type at enrolment to
 * become the resident of the flat with the leaking WC (so that the dashboard shows its leak alert),
 * the manager's login, and where the mails go.
 */
public final class TryIt {

  /** The demo manager's login; the activation link arrives in the mail folder. */
  public static final String MANAGER_EMAIL = "gestion@demo.example";

  static final String MANAGER_LAST_NAME = "Martin";
  static final String MANAGER_FIRST_NAME = "Claire";

  /** An address to give at enrolment: any works, the mail lands in the folder whatever it is. */
  public static final String RESIDENT_EMAIL = "resident@demo.example";

  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private TryIt() {}

  /**
   * The cold water meter a resident types at enrolment: the one of the flat with the leaking WC
   * (faults.leaking-wc), so that the dashboard shows its alert, or in a building without one the
   * first flat's.
   *
   * @throws IllegalStateException when no cold water meter of the flat has a printed serial
   */
  public static InstalledDevice meterToTry(Building building) {
    Optional<String> leaking = building.description().leakingWc();
    return building.installation().stream()
        .filter(d -> d.medium() == Medium.COLD_WATER && d.printedSerial() != null)
        .filter(d -> leaking.map(flat -> d.dwelling().label().equals(flat)).orElse(true))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No cold water meter with a printed serial in "
                        + leaking.map(flat -> "flat " + flat).orElse("the building")
                        + " to enrol with."));
  }

  /**
   * The lines to print.
   *
   * @param portal the portal's address as residents reach it
   * @param moveIn a move-in date to type: the first day of the history, so that the whole of it
   *     shows
   */
  public static List<String> lines(
      Building building, String portal, LocalDate moveIn, Path mailFolder) {
    InstalledDevice meter = meterToTry(building);
    String why =
        building.description().leakingWc().isPresent()
            ? " (its WC leaks)"
            : " (no flat leaks here: faults.leaking-wc makes one leak)";
    String site = building.site().value();
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Try it: open " + portal);
    lines.add(
        "  Resident of flat "
            + meter.dwelling().label()
            + why
            + ": \"Créer mon compte\" (EN at the top right), then");
    lines.add("    situation      Locataire ou occupant / Tenant or occupant");
    lines.add("    residence code " + site);
    lines.add(
        "    dwelling       serial number "
            + meter.printedSerial().value()
            + " (its cold water meter; or lot "
            + meter.lot()
            + ")");
    lines.add(
        "    move-in date   "
            + FRENCH_DATE.format(moveIn)
            + " ("
            + moveIn
            + "): the first day of the history, so that the dashboard shows all of it");
    lines.add("    e-mail         any address, such as " + RESIDENT_EMAIL);
    lines.add("    then open the activation link printed below and choose a password.");
    lines.add(
        "  Manager of "
            + site
            + ": "
            + MANAGER_EMAIL
            + ", activated by the link of the first mail (printed at the first start;");
    lines.add("    \"Mot de passe oublié ?\" on the login page sends a new one).");
    lines.add("  Mail goes to " + mailFolder + " (.eml files); links of new mails show here.");
    return lines;
  }
}
