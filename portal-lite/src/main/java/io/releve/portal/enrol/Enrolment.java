package io.releve.portal.enrol;

import io.releve.cloud.store.Durability;
import io.releve.portal.auth.Tokens;
import io.releve.portal.mail.Mail;
import io.releve.portal.mail.MailQueue;
import io.releve.portal.mail.MailTexts;
import io.releve.portal.store.Account;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Accounts;
import io.releve.portal.store.DwellingRef;
import io.releve.portal.store.Lang;
import io.releve.portal.store.Occupant;
import io.releve.portal.store.ResidencyState;
import io.releve.portal.store.Role;
import io.releve.portal.store.SiteAddress;
import io.releve.portal.store.TokenPurpose;
import io.releve.portal.web.Request;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Stores an enrolment and queues its mails. One code path whatever the e-mail: the transaction
 * decides which mails go out, and the caller answers the same redirect either way, so the page
 * never tells whether an e-mail has an account. Mails are queued only after the commit, so that a
 * failed transaction leaves nothing stored and sends nothing.
 */
final class Enrolment {

  /** How long the activation link works (DESIGN §6). */
  static final Duration ACTIVATION_LIFETIME = Duration.ofHours(24);

  static final String ACTION = "enrolment.requested";

  private final Repositories store;
  private final MailQueue queue;
  private final MailTexts texts;
  private final Clock clock;

  Enrolment(Repositories store, MailQueue queue, MailTexts texts, Clock clock) {
    this.store = store;
    this.queue = queue;
    this.texts = texts;
    this.clock = clock;
  }

  /** The latest move-in recorded for the dwelling: a new one may not be earlier. */
  Optional<LocalDate> lastMoveIn(long dwelling) {
    return store
        .database()
        .read("find the last move-in of a dwelling", c -> store.landlord().lastMoveIn(c, dwelling));
  }

  /** Stores the enrolment (or, for a known e-mail, only the audit row), then queues the mails. */
  void submit(Request request, Wizard wizard, Applicant applicant) {
    Instant now = clock.instant();
    Locale locale = request.lang().locale();
    Lang lang = Lang.parse(request.lang().code()).orElse(Lang.FR);
    String email = Accounts.normalizeEmail(applicant.email());
    // drawn whatever the branch, so both do the same work before the transaction
    String token = Tokens.newToken();
    List<Mail> mails =
        store
            .database()
            .write(
                "store an enrolment",
                Durability.FULL,
                c -> {
                  Optional<Account> existing = store.accounts().byEmail(c, email);
                  // an activated account, or one that is not a resident's (an imported manager
                  // whose link is still unused), is never taken over by an enrolment
                  if (existing.isPresent()
                      && (existing.get().isActivated()
                          || existing.get().kind() != AccountKind.RESIDENT)) {
                    audit(c, now, request, wizard, "existing_account");
                    return List.of(texts.alreadyHasAccount(email, locale));
                  }
                  Long unproven = null;
                  if (existing.isPresent()) {
                    // an earlier enrolment whose link was never used: this one replaces it, or
                    // an expired link would lock the address out for good
                    unproven = existing.get().id();
                    store.residencies().lapseUnproven(c, unproven);
                    store.tokens().revokeAll(c, unproven, TokenPurpose.ACTIVATION, now);
                  }
                  return create(c, now, request, wizard, applicant, email, lang, token, unproven);
                });
    mails.forEach(queue::offer);
  }

  private List<Mail> create(
      Connection c,
      Instant now,
      Request request,
      Wizard wizard,
      Applicant applicant,
      String email,
      Lang lang,
      String token,
      Long unproven)
      throws SQLException {
    DwellingRef dwelling = wizard.dwelling();
    long account =
        unproven != null
            ? unproven
            : store
                .accounts()
                .create(
                    c,
                    email,
                    AccountKind.RESIDENT,
                    applicant.lastName(),
                    applicant.firstName(),
                    lang,
                    now);
    List<Occupant> occupants = store.landlord().activeOccupants(c, dwelling.id());
    // the takeover guard: whoever lives there now decides, through the manager; an owner lessor
    // never sees data, so takes nothing over
    boolean guarded = wizard.role() != Role.OWNER_LESSOR && !occupants.isEmpty();
    ResidencyState state = guarded ? ResidencyState.PENDING : ResidencyState.ACTIVE;
    store
        .residencies()
        .create(
            c,
            account,
            dwelling.id(),
            wizard.role(),
            wizard.method(),
            applicant.moveIn(),
            state,
            now);
    store
        .tokens()
        .insert(
            c,
            Tokens.sha256Hex(token),
            account,
            TokenPurpose.ACTIVATION,
            now,
            now.plus(ACTIVATION_LIFETIME));
    audit(c, now, request, wizard, state.value());
    Locale locale = request.lang().locale();
    List<Mail> mails = new ArrayList<>();
    mails.add(texts.activation(email, locale, applicant.firstName(), token));
    if (guarded) {
      mails.addAll(
          pendingNotices(c, dwelling, applicant.firstName() + " " + applicant.lastName(), locale));
    }
    return mails;
  }

  /**
   * The notices of a pending enrolment: to whoever lives in the dwelling now, and to the site's
   * managers.
   */
  List<Mail> pendingNotices(Connection c, DwellingRef dwelling, String applicantName, Locale locale)
      throws SQLException {
    List<Mail> mails = new ArrayList<>();
    String where = describe(c, dwelling);
    for (Occupant occupant : store.landlord().activeOccupants(c, dwelling.id())) {
      if (occupant.email() != null && Mail.isAddress(occupant.email())) {
        mails.add(texts.pendingForOccupant(occupant.email(), Locale.FRENCH, where));
      }
    }
    for (Account manager : store.managerSites().managersOf(c, dwelling.site())) {
      if (manager.email() != null) {
        mails.add(
            texts.pendingForManager(manager.email(), locale(manager.lang()), where, applicantName));
      }
    }
    return mails;
  }

  private void audit(Connection c, Instant now, Request request, Wizard wizard, String outcome)
      throws SQLException {
    store
        .audit()
        .append(
            c,
            now,
            null,
            ACTION,
            "dwelling:" + wizard.dwelling().id(),
            request.clientIp(),
            outcome);
  }

  /** How the dwelling is named in mails: its address when imported, and its label. */
  private String describe(Connection c, DwellingRef dwelling) throws SQLException {
    Optional<SiteAddress> address = store.landlord().address(c, dwelling.site());
    String residence = address.map(SiteAddress::oneLine).orElse(dwelling.site().value());
    return residence + " – " + dwelling.label();
  }

  private static Locale locale(Lang lang) {
    return lang == Lang.EN ? Locale.ENGLISH : Locale.FRENCH;
  }
}
