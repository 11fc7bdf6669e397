package io.releve.portal.manager;

import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.ManagerSites;
import io.releve.portal.store.Residencies;
import io.releve.portal.store.Residency;
import io.releve.portal.web.HttpError;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What a manager may reach: the dwellings and residencies of their own sites. Anything else answers
 * 404, whether it exists or not, so that a page never tells another site's manager it exists.
 */
final class ManagerAccess {

  private ManagerAccess() {}

  /** The id in a query or form field; a malformed one is a page that does not exist. */
  static long id(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw HttpError.notFound();
    }
  }

  /** The dwelling when it is of one of the manager's sites. */
  static Optional<DwellingRef> dwelling(Connection c, Landlord landlord, long manager, long id)
      throws SQLException {
    Optional<DwellingRef> dwelling = landlord.dwelling(c, id);
    if (dwelling.isEmpty() || !new ManagerSites().manages(c, manager, dwelling.get().site())) {
      return Optional.empty();
    }
    return dwelling;
  }

  /** The residency when its dwelling is of one of the manager's sites. */
  static Optional<Residency> residency(
      Connection c, Landlord landlord, Residencies residencies, long manager, long id)
      throws SQLException {
    Optional<Residency> residency = residencies.byId(c, id);
    if (residency.isEmpty()
        || dwelling(c, landlord, manager, residency.get().dwelling()).isEmpty()) {
      return Optional.empty();
    }
    return residency;
  }
}
