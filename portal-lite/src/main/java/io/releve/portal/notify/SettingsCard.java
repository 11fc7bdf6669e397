package io.releve.portal.notify;

import io.releve.portal.web.FormErrors;
import io.releve.portal.web.Forms;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Request;

/**
 * The notification settings on {@code /compte}: four boxes (leak alerts and new documents, each by
 * e-mail and by SMS) posted to {@value #ACTION}. SMS needs a phone on the account: asking for one
 * without it is refused beside each SMS box, and nothing is stored.
 */
public final class SettingsCard {

  /** Where the form posts. */
  public static final String ACTION = "/compte/notifications";

  /**
   * The {@code notice} query value shown after saving (its text: {@code notify.settings.saved}).
   */
  public static final String NOTICE = "notifications";

  private SettingsCard() {}

  /** The settings as posted: a box absent from the form is unchecked. */
  public static Settings fromForm(Request request) {
    return new Settings(
        checked(request, Settings.ALERTS_EMAIL),
        checked(request, Settings.ALERTS_SMS),
        checked(request, Settings.DOCUMENTS_EMAIL),
        checked(request, Settings.DOCUMENTS_SMS));
  }

  /**
   * The errors of {@code chosen} for an account with or without a phone: each SMS box checked
   * without a phone.
   */
  public static FormErrors check(Request request, Settings chosen, boolean hasPhone) {
    FormErrors errors = new FormErrors(request);
    if (!hasPhone) {
      if (chosen.alertsSms()) {
        errors.reject(Settings.ALERTS_SMS, "notify.settings.no_phone");
      }
      if (chosen.documentsSms()) {
        errors.reject(Settings.DOCUMENTS_SMS, "notify.settings.no_phone");
      }
    }
    return errors;
  }

  /**
   * The card with {@code shown} checked and {@code errors} beside their boxes.
   *
   * @param hasPhone whether the account has a phone now: stored SMS choices without one get a note
   */
  public static Html card(Request request, FormErrors errors, Settings shown, boolean hasPhone) {
    Messages m = request.messages();
    Forms f = new Forms(request, errors);
    Html note =
        shown.anySms() && !hasPhone && errors.isEmpty()
            ? Html.of("<p class=\"notify-note\">{}</p>", m.get("notify.settings.phone_gone"))
            : Html.EMPTY;
    return Html.of(
        """
        <section class="card" id="notifications"><h2>{}</h2><p>{}</p>{}{}</section>""",
        m.get("notify.settings.title"),
        m.get("notify.settings.intro"),
        note,
        f.form(
            ACTION,
            group(
                m.get("notify.settings.alerts"),
                f.checkbox(
                    Settings.ALERTS_EMAIL,
                    m.get("notify.settings.alerts_email"),
                    shown.alertsEmail()),
                f.checkbox(
                    Settings.ALERTS_SMS, m.get("notify.settings.alerts_sms"), shown.alertsSms())),
            group(
                m.get("notify.settings.documents"),
                f.checkbox(
                    Settings.DOCUMENTS_EMAIL,
                    m.get("notify.settings.documents_email"),
                    shown.documentsEmail()),
                f.checkbox(
                    Settings.DOCUMENTS_SMS,
                    m.get("notify.settings.documents_sms"),
                    shown.documentsSms())),
            f.submit(m.get("notify.settings.submit"))));
  }

  private static Html group(String legend, Html email, Html sms) {
    return Html.of(
        "<fieldset class=\"notify-group\"><legend>{}</legend>{}{}</fieldset>", legend, email, sms);
  }

  private static boolean checked(Request request, String name) {
    return "on".equals(request.form(name));
  }
}
