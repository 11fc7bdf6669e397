package io.releve.portal.mail;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's mails, in French (the default) or English, from the bundle {@code
 * io/releve/portal/i18n/mail_{fr,en}.properties}. Texts use named placeholders ({@code {link}})
 * rather than {@link java.text.MessageFormat}, whose quoting rules would eat French apostrophes.
 * Links are built from the portal's public base URL.
 */
public final class MailTexts {

  private static final String BUNDLE = "io.releve.portal.i18n.mail";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)\\}");

  private final String baseUrl;

  /**
   * @param baseUrl the portal as residents reach it ({@code https://portail.exemple.fr}), without a
   *     trailing slash
   */
  public MailTexts(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The link that activates a new account: single use, valid 24 h. */
  public Mail activation(String to, Locale lang, String firstName, String token) {
    return mail(
        to,
        lang,
        "mail.activation",
        Map.of("first_name", firstName, "link", baseUrl + "/activation?token=" + token));
  }

  /** The link that sets a new password: single use, valid 1 h. */
  public Mail passwordReset(String to, Locale lang, String firstName, String token) {
    return mail(
        to,
        lang,
        "mail.reset",
        Map.of("first_name", firstName, "link", baseUrl + "/reinitialisation?token=" + token));
  }

  /**
   * Sent instead of an activation when the e-mail already has an account: log in, or reset the
   * password. The enrolment page is the same either way.
   */
  public Mail alreadyHasAccount(String to, Locale lang) {
    return mail(
        to,
        lang,
        "mail.existing",
        Map.of("login", baseUrl + "/", "forgot", baseUrl + "/mot-de-passe-oublie"));
  }

  /**
   * To the current occupant of a dwelling that someone else asked to enrol for by serial or lot:
   * nothing is visible to them until a manager validates.
   *
   * @param dwelling how the occupant knows the dwelling ("Résidence Les Tilleuls, logement A02")
   */
  public Mail pendingForOccupant(String to, Locale lang, String dwelling) {
    return mail(
        to, lang, "mail.pending_occupant", Map.of("dwelling", dwelling, "link", baseUrl + "/"));
  }

  /**
   * To a manager of the site: an enrolment waits for their decision.
   *
   * @param applicant the applicant's name as they typed it
   */
  public Mail pendingForManager(String to, Locale lang, String dwelling, String applicant) {
    return mail(
        to,
        lang,
        "mail.pending_manager",
        Map.of(
            "dwelling", dwelling,
            "applicant", applicant,
            "link", baseUrl + "/gestion/inscriptions"));
  }

  private static Mail mail(String to, Locale lang, String key, Map<String, String> values) {
    ResourceBundle bundle = bundle(lang);
    return new Mail(
        to,
        fill(bundle.getString(key + ".subject"), values),
        fill(bundle.getString(key + ".text"), values));
  }

  /** English for {@code en}, French for anything else: French is the portal's first language. */
  static ResourceBundle bundle(Locale lang) {
    Locale chosen =
        lang != null && "en".equals(lang.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    // no fallback to the JVM's default locale: the server's locale must not pick the language
    return ResourceBundle.getBundle(
        BUNDLE,
        chosen,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** Replaces each {@code {name}}; a placeholder without a value is a bug in the bundle. */
  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for {" + m.group(1) + "} in [" + template + "]");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
