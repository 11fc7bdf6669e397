package io.releve.portal.manager;

import io.releve.portal.auth.Tokens;
import io.releve.portal.mail.Mail;
import io.releve.portal.mail.MailTexts;
import io.releve.portal.store.Account;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.ClientRef;
import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Landlord;
import io.releve.portal.store.Lang;
import io.releve.portal.store.ManagerSites;
import io.releve.portal.store.SiteAddress;
import io.releve.portal.store.SiteCode;
import io.releve.portal.store.TokenPurpose;
import io.releve.portal.store.TokenStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Stores one checked line of each kind inside the import's transaction. A line is checked against
 * the store before anything of it is written, so that a refused line leaves no trace and, on
 * PostgreSQL, never aborts the transaction.
 */
final class ImportLines {

  /** How long a new manager's activation link works (DESIGN §6: 24 h). */
  static final Duration ACTIVATION_LIFETIME = Duration.ofHours(24);

  private final Connection c;
  private final ImportScope scope;
  private final Instant now;
  private final Landlord landlord;
  private final Accounts accounts;
  private final TokenStore tokens;
  private final MailTexts texts;
  private final ManagerSites managerSites = new ManagerSites();

  /** Activation mails of the managers created, sent once the transaction has committed. */
  final List<Mail> mails = new ArrayList<>();

  ImportLines(
      Connection c,
      ImportScope scope,
      Instant now,
      Landlord landlord,
      Accounts accounts,
      TokenStore tokens,
      MailTexts texts) {
    this.c = c;
    this.scope = scope;
    this.now = now;
    this.landlord = landlord;
    this.accounts = accounts;
    this.tokens = tokens;
    this.texts = texts;
  }

  void store(ImportKind kind, Fields line) throws LineRejected, SQLException {
    switch (kind) {
      case ADDRESSES -> address(line);
      case DWELLINGS -> dwelling(line);
      case OCCUPANCIES -> occupancy(line);
      case MANAGERS -> manager(line);
    }
  }

  private void checkScope(SiteCode site) throws LineRejected, SQLException {
    if (!scope.allows(c, site)) {
      throw new LineRejected("manager.import.site.foreign", site.value());
    }
  }

  private void address(Fields line) throws LineRejected, SQLException {
    SiteCode site = line.site("site");
    String street = line.required("street");
    String postcode = line.required("postcode");
    String city = line.required("city");
    checkScope(site);
    landlord.upsertAddress(c, new SiteAddress(site, street, postcode, city), now);
  }

  private void dwelling(Fields line) throws LineRejected, SQLException {
    SiteCode site = line.site("site");
    String label = line.required("dwelling");
    String lot = line.nullable("lot");
    ClientRef ref = line.nullable("client_ref") == null ? null : line.clientRef("client_ref");
    checkScope(site);
    if (ref != null) {
      Optional<DwellingRef> owner = landlord.dwellingByClientRef(c, ref);
      if (owner.isPresent()
          && !(owner.get().site().equals(site) && owner.get().label().equals(label))) {
        throw new LineRejected(
            "manager.import.client_ref.taken",
            ref.value(),
            owner.get().site().value(),
            owner.get().label());
      }
    }
    landlord.upsertDwelling(c, site, label, lot, ref, now);
  }

  private void occupancy(Fields line) throws LineRejected, SQLException {
    ClientRef ref = line.clientRef("client_ref");
    String lastName = line.required("last_name");
    String firstName = line.required("first_name");
    String email = line.email("email");
    LocalDate moveIn = line.date("move_in");
    if (moveIn == null) {
      throw new LineRejected("manager.import.required", "move_in");
    }
    LocalDate moveOut = line.date("move_out");
    if (moveOut != null && moveOut.isBefore(moveIn)) {
      throw new LineRejected(
          "manager.import.move_out.before", moveOut.toString(), moveIn.toString());
    }
    DwellingRef dwelling =
        landlord
            .dwellingByClientRef(c, ref)
            .orElseThrow(() -> new LineRejected("manager.import.client_ref.unknown", ref.value()));
    checkScope(dwelling.site());
    landlord.upsertOccupancy(c, dwelling.id(), lastName, firstName, email, moveIn, moveOut, now);
  }

  private void manager(Fields line) throws LineRejected, SQLException {
    String email = line.email("email");
    if (email == null) {
      throw new LineRejected("manager.import.required", "email");
    }
    String lastName = line.required("last_name");
    String firstName = line.required("first_name");
    Set<SiteCode> sites = new LinkedHashSet<>();
    for (String code : line.required("sites").split(",")) {
      if (!code.isBlank()) {
        sites.add(Fields.site("sites", code));
      }
    }
    if (sites.isEmpty()) {
      throw new LineRejected("manager.import.required", "sites");
    }
    for (SiteCode site : sites) {
      checkScope(site);
    }
    Optional<Account> existing = accounts.byEmail(c, email);
    if (existing.isPresent() && existing.get().kind() != AccountKind.MANAGER) {
      // a resident's address: making it a manager would mix two roles in one login
      throw new LineRejected("manager.import.email.resident");
    }
    long manager;
    if (existing.isPresent()) {
      manager = existing.get().id();
    } else {
      manager = accounts.create(c, email, AccountKind.MANAGER, lastName, firstName, Lang.FR, now);
      String token = Tokens.newToken();
      tokens.insert(
          c,
          Tokens.sha256Hex(token),
          manager,
          TokenPurpose.ACTIVATION,
          now,
          now.plus(ACTIVATION_LIFETIME));
      mails.add(texts.activation(email, Locale.FRENCH, firstName, token));
    }
    for (SiteCode site : sites) {
      managerSites.grant(c, manager, site, now);
    }
  }
}
