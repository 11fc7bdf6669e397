package io.releve.portal.account;

import io.releve.portal.notify.Settings;
import io.releve.portal.notify.SettingsCard;
import io.releve.portal.notify.SettingsStore;
import io.releve.portal.store.Account;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Choice;
import io.releve.portal.store.Consent;
import io.releve.portal.store.Recorder;
import io.releve.portal.store.Residency;
import io.releve.portal.web.FormErrors;
import io.releve.portal.web.Forms;
import io.releve.portal.web.Html;
import io.releve.portal.web.HttpError;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import io.releve.portal.web.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * My information: contact details for every account; for a resident, the consent about their
 * current dwelling, given or withdrawn with one button each.
 */
final class AccountPage {

  private static final Map<String, String> NOTICES =
      Map.of(
          "phone", "account.notice.phone",
          "consent", "account.notice.consent",
          "password-changed", "account.notice.password_changed",
          "close-refused", "account.notice.close_refused",
          "notifications", "notify.settings.saved");

  /** Where the consent form may send the visitor back to: this page, or the home's pop-up. */
  private static final Set<String> CONSENT_RETURNS = Set.of("/compte", "/accueil");

  private final Repos repos;
  private final SettingsStore notifications = new SettingsStore();

  AccountPage(Repos repos) {
    this.repos = repos;
  }

  /** The logged-in account of any kind. */
  static long loggedIn(Request request) {
    return request
        .existingSession()
        .filter(Session::loggedIn)
        .flatMap(Session::accountId)
        .orElseThrow(HttpError::loginRequired);
  }

  /** {@code GET /compte}. */
  Response show(Request request) {
    // a session outliving its account (closed meanwhile) is as good as none
    return page(request, loggedIn(request), new FormErrors(request), null, null)
        .orElseThrow(HttpError::loginRequired);
  }

  /** {@code POST /compte/coordonnees}: the phone, required only for SMS alerts. */
  Response contact(Request request) {
    long id = loggedIn(request);
    String input = request.form("phone").strip();
    Optional<String> phone = Phone.normalize(input);
    if (!input.isEmpty() && phone.isEmpty()) {
      FormErrors errors = new FormErrors(request).reject("phone", "account.phone.invalid");
      return page(request, id, errors, input, null)
          .orElseThrow(HttpError::loginRequired)
          .status(422);
    }
    boolean changed =
        repos.write(
            "change a phone number",
            c -> {
              // a closed account's personal fields stay erased
              if (repos.accounts.byId(c, id).filter(a -> !a.isClosed()).isEmpty()) {
                return false;
              }
              repos.accounts.setPhone(c, id, phone.orElse(null));
              repos.audit(c, id, "contact.change", LoginPages.subject(id), request, "ok");
              return true;
            });
    if (!changed) {
      throw HttpError.loginRequired();
    }
    return Response.redirect("/compte?notice=phone");
  }

  /**
   * {@code POST /compte/notifications}: a resident's notification settings. SMS without a phone on
   * the account is refused beside the box, and nothing is stored.
   */
  Response notifications(Request request) {
    long id = request.requireAccount(AccountKind.RESIDENT);
    Settings chosen = SettingsCard.fromForm(request);
    // null when the account was closed meanwhile; empty errors when the settings were stored
    FormErrors outcome =
        repos.write(
            "change notification settings",
            c -> {
              Optional<Account> me = repos.accounts.byId(c, id).filter(a -> !a.isClosed());
              if (me.isEmpty()) {
                return null;
              }
              FormErrors errors = SettingsCard.check(request, chosen, me.get().phone() != null);
              if (errors.isEmpty()) {
                notifications.set(c, id, chosen, repos.now());
                repos.audit(c, id, "notifications.change", chosen.describe(), request, "ok");
              }
              return errors;
            });
    if (outcome == null) {
      throw HttpError.loginRequired();
    }
    if (!outcome.isEmpty()) {
      return page(request, id, outcome, null, chosen)
          .orElseThrow(HttpError::loginRequired)
          .status(422);
    }
    return Response.redirect("/compte?notice=" + SettingsCard.NOTICE + "#notifications");
  }

  /** {@code POST /compte/consentement}: appends the resident's choice to the ledger. */
  Response consent(Request request) {
    long id = request.requireAccount(AccountKind.RESIDENT);
    Choice choice =
        Choice.parse(request.form("choice"))
            .orElseThrow(() -> HttpError.badRequest(request.messages().get("account.consent.bad")));
    boolean recorded =
        repos.write(
            "record a consent choice",
            c -> {
              Optional<Residency> home = consentDwelling(c, id);
              if (home.isEmpty()) {
                return false;
              }
              long dwelling = home.get().dwelling();
              repos.consents.append(
                  c, id, dwelling, choice, id, Recorder.RESIDENT, null, repos.now());
              repos.audit(
                  c, id, "consent." + choice.value(), "dwelling:" + dwelling, request, "ok");
              return true;
            });
    if (!recorded) {
      throw HttpError.notFound();
    }
    String back = request.form("next");
    return Response.redirect(
        CONSENT_RETURNS.contains(back) ? back + "?notice=consent" : "/compte?notice=consent");
  }

  /** The residency a resident's consent is about: the one they live in now, when they occupy it. */
  private Optional<Residency> consentDwelling(Connection c, long account) throws SQLException {
    return repos.residencies.activeWindow(c, account).filter(r -> r.role().occupies());
  }

  /**
   * @param phoneInput the phone as typed when it was refused, else null
   * @param settingsInput the notification settings as posted when they were refused, else null
   */
  private Optional<Response> page(
      Request request, long id, FormErrors errors, String phoneInput, Settings settingsInput) {
    Messages m = request.messages();
    return repos.read(
        "show my information",
        c -> {
          Optional<Account> account = repos.accounts.byId(c, id).filter(a -> !a.isClosed());
          if (account.isEmpty()) {
            return Optional.empty();
          }
          Account me = account.get();
          Html consent = Html.EMPTY;
          Html notify = Html.EMPTY;
          boolean resident = request.existingSession().orElseThrow().is(AccountKind.RESIDENT);
          if (resident) {
            Settings shown = settingsInput != null ? settingsInput : notifications.of(c, id);
            FormErrors notifyErrors = settingsInput != null ? errors : new FormErrors(request);
            notify = SettingsCard.card(request, notifyErrors, shown, me.phone() != null);
            Optional<Residency> home = consentDwelling(c, id);
            consent =
                home.isEmpty()
                    ? Html.EMPTY
                    : consentCard(request, repos.consents.current(c, id, home.get().dwelling()));
          }
          // the settings' errors show in their own card only
          Forms f = new Forms(request, settingsInput != null ? new FormErrors(request) : errors);
          String noticeKey = NOTICES.get(request.query("notice"));
          Html body =
              Html.of(
                  """
                  {}<section class="card"><h2>{}</h2><dl><dt>{}</dt><dd>{}</dd>\
                  <dt>{}</dt><dd>{}</dd></dl>{}</section>{}{}\
                  <section class="card"><h2>{}</h2><ul>\
                  <li><a href="/compte/mot-de-passe">{}</a></li>{}</ul></section>{}""",
                  noticeKey == null
                      ? Html.EMPTY
                      : Html.of("<p class=\"success\" role=\"status\">{}</p>", m.get(noticeKey)),
                  m.get("account.contact.title"),
                  m.get("account.contact.name"),
                  me.firstName() + " " + me.lastName(),
                  m.get("account.login.email"),
                  me.email(),
                  f.form(
                      "/compte/coordonnees",
                      f.input(
                          "tel",
                          "phone",
                          m.get("account.phone.label"),
                          phoneInput != null ? phoneInput : me.phone() == null ? "" : me.phone(),
                          "tel",
                          m.get("account.phone.hint")),
                      f.submit(m.get("account.phone.submit"))),
                  notify,
                  consent,
                  m.get("account.links.title"),
                  m.get("account.links.password"),
                  resident
                      ? Html.of(
                          "<li><a href=\"/compte/donnees\" download>{}</a></li>",
                          m.get("account.links.data"))
                      : Html.EMPTY,
                  resident ? closeCard(request) : Html.EMPTY);
          return Optional.of(Response.page(Page.of(m.get("account.title"), body)));
        });
  }

  private Html consentCard(Request request, Optional<Consent> current) {
    Messages m = request.messages();
    Forms f = new Forms(request);
    Html state;
    Html button;
    if (current.isEmpty()) {
      state = Html.of("<p>{}</p>", m.get("account.consent.none"));
      button =
          Html.join(
              f.submit(m.get("account.consent.give"), "choice", Choice.GRANTED.value()),
              f.submit(m.get("account.consent.withdraw"), "choice", Choice.WITHDRAWN.value()));
    } else {
      Consent row = current.get();
      DateTimeFormatter format =
          DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(request.lang().locale());
      String day = row.recordedAt().atZone(repos.portal.config().siteZone()).format(format);
      state =
          Html.of(
              "<p id=\"consent-state\">{}</p>",
              m.get(
                  "account.consent.state." + row.choice().value(),
                  day,
                  m.get("account.consent.by." + row.recorder().value())));
      button =
          row.choice() == Choice.GRANTED
              ? f.submit(m.get("account.consent.withdraw"), "choice", Choice.WITHDRAWN.value())
              : f.submit(m.get("account.consent.give"), "choice", Choice.GRANTED.value());
    }
    return Html.of(
        "<section class=\"card\" id=\"consent\"><h2>{}</h2><p>{}</p>{}{}</section>",
        m.get("account.consent.title"),
        m.get("account.consent.question"),
        state,
        f.form("/compte/consentement", f.hidden("next", "/compte"), button));
  }

  private static Html closeCard(Request request) {
    Messages m = request.messages();
    Forms f = new Forms(request);
    return Html.of(
        "<section class=\"card\"><h2>{}</h2><p>{}</p>{}</section>",
        m.get("account.close.title"),
        m.get("account.close.text"),
        f.form(
            "/compte/fermer",
            f.password("password", m.get("account.close.password"), "current-password"),
            Html.of(
                "<button type=\"submit\" class=\"button button--danger\">{}</button>",
                m.get("account.close.submit"))));
  }
}
