package io.releve.portal.notify;

/**
 * What a resident wants to be told, and how. A resident without a stored choice has {@link
 * #DEFAULTS}: e-mail for leak alerts and new documents, no SMS.
 *
 * @param alertsEmail leak alerts by e-mail
 * @param alertsSms leak alerts by SMS (needs a phone on the account)
 * @param documentsEmail new documents by e-mail
 * @param documentsSms new documents by SMS (needs a phone on the account)
 */
public record Settings(
    boolean alertsEmail, boolean alertsSms, boolean documentsEmail, boolean documentsSms) {

  /** The choice of a resident who never chose. */
  public static final Settings DEFAULTS = new Settings(true, false, true, false);

  /** The form's field names, also the columns of {@code notification_settings}. */
  public static final String ALERTS_EMAIL = "alerts_email";

  public static final String ALERTS_SMS = "alerts_sms";
  public static final String DOCUMENTS_EMAIL = "documents_email";
  public static final String DOCUMENTS_SMS = "documents_sms";

  /** Whether any SMS is asked for: that needs a phone on the account. */
  public boolean anySms() {
    return alertsSms || documentsSms;
  }

  /** Whether {@code channel} is chosen for {@code topic}. */
  boolean wants(Topic topic, Channel channel) {
    return switch (topic) {
      case ALERTS -> channel == Channel.EMAIL ? alertsEmail : alertsSms;
      case DOCUMENTS -> channel == Channel.EMAIL ? documentsEmail : documentsSms;
    };
  }

  /** Short text for the audit log, such as {@code alerts=email+sms documents=email}. */
  public String describe() {
    return "alerts="
        + both(alertsEmail, alertsSms)
        + " documents="
        + both(documentsEmail, documentsSms);
  }

  private static String both(boolean email, boolean sms) {
    if (email && sms) {
      return "email+sms";
    }
    return email ? "email" : sms ? "sms" : "none";
  }

  /** What a notice is about. */
  enum Topic {
    ALERTS,
    DOCUMENTS
  }
}
