package io.releve.gateway.demo;

import io.releve.gateway.sim.building.Building;
import io.releve.gateway.store.Dwelling;
import io.releve.gateway.store.InstalledDevice;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The landlord's files of the simulated building, in the portal's import format (UTF-8, {@code ;}
 * between fields, a header line): its address, its dwellings with their lots and client references,
 * and the demo's manager. Occupancies are left out on purpose: every flat is vacant, so an
 * enrolment opens its account at once instead of waiting for a manager.
 */
public final class LandlordFiles {

  /** The demo's address, for the residence search at enrolment. */
  static final String STREET = "12 rue des Compteurs";

  static final String POSTCODE = "69003";
  static final String CITY = "Lyon";

  private LandlordFiles() {}

  /**
   * The files to import, in order (addresses and dwellings before the manager who manages them), by
   * import kind ({@code addresses}, {@code dwellings}, {@code managers}).
   */
  public static Map<String, String> of(Building building) {
    String site = building.site().value();
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "addresses",
        "site;street;postcode;city\n" + site + ";" + STREET + ";" + POSTCODE + ";" + CITY + "\n");
    StringBuilder dwellings = new StringBuilder("site;dwelling;lot;client_ref\n");
    for (Dwelling dwelling : dwellings(building)) {
      dwellings
          .append(site)
          .append(';')
          .append(dwelling.label())
          .append(';')
          .append(dwelling.lot())
          .append(';')
          .append(clientRef(dwelling))
          .append('\n');
    }
    files.put("dwellings", dwellings.toString());
    files.put(
        "managers",
        "email;last_name;first_name;sites\n"
            + TryIt.MANAGER_EMAIL
            + ";"
            + TryIt.MANAGER_LAST_NAME
            + ";"
            + TryIt.MANAGER_FIRST_NAME
            + ";"
            + site
            + "\n");
    return files;
  }

  /**
   * The client reference of the rent notice: {@code L/} and five digits made from the lot (lot 103
   * is {@code L/10103}), as the landlord's notices write it.
   */
  static String clientRef(Dwelling dwelling) {
    return "L/" + (10_000 + Integer.parseInt(dwelling.lot()));
  }

  /** The flats (the boiler room has no lot and nobody lives there), in the building's order. */
  static Set<Dwelling> dwellings(Building building) {
    Set<Dwelling> flats = new LinkedHashSet<>();
    for (InstalledDevice device : building.installation()) {
      if (device.lot() != null) {
        flats.add(device.dwelling());
      }
    }
    return flats;
  }
}
