package io.releve.portal.web;

import java.util.List;
import java.util.Map;

/**
 * Accessible form controls for one request: each input has its label, its {@code autocomplete} and,
 * when {@link FormErrors} has an error for it, the message beside it tied with {@code
 * aria-describedby} and {@code aria-invalid}. Labels and hints are translated texts.
 *
 * <pre>{@code
 * Forms f = new Forms(request, errors);
 * Html body = f.form("/connexion",
 *     f.email("email", m.get("account.login.email"), request.form("email")),
 *     f.password("password", m.get("account.login.password"), "current-password"),
 *     f.submit(m.get("account.login.submit")));
 * }</pre>
 */
public final class Forms {
  private final Request request;
  private final FormErrors errors;

  /** Controls showing {@code errors}. */
  public Forms(Request request, FormErrors errors) {
    this.request = request;
    this.errors = errors;
  }

  /** Controls without errors (a form shown for the first time). */
  public Forms(Request request) {
    this(request, new FormErrors(request));
  }

  /**
   * A POST form to {@code action} with the CSRF field and, when there are errors, their summary
   * first ({@code role="alert"}, each linking to its field).
   */
  public Html form(String action, Html... controls) {
    return Html.of(
        "<form method=\"post\" action=\"{}\" class=\"form\" novalidate>{}{}{}</form>",
        action,
        csrf(),
        summary(),
        Html.join(controls));
  }

  /** Like {@link #form} with {@code enctype="multipart/form-data"}, for file uploads. */
  public Html uploadForm(String action, Html... controls) {
    return Html.of(
        "<form method=\"post\" action=\"{}\" class=\"form\" enctype=\"multipart/form-data\""
            + " novalidate>{}{}{}</form>",
        action,
        csrf(),
        summary(),
        Html.join(controls));
  }

  /** The hidden {@code csrf} field (creates the anonymous session when there is none). */
  public Html csrf() {
    return hidden("csrf", request.session().csrfToken());
  }

  public Html hidden(String name, String value) {
    return Html.of("<input type=\"hidden\" name=\"{}\" value=\"{}\">", name, value);
  }

  /** A text input. */
  public Html text(String name, String label, String value, String autocomplete) {
    return input("text", name, label, value, autocomplete, "");
  }

  /** An e-mail input ({@code autocomplete="email"}). */
  public Html email(String name, String label, String value) {
    return input("email", name, label, value, "email", "");
  }

  /** A date input, value {@code YYYY-MM-DD}. */
  public Html date(String name, String label, String value) {
    return input("date", name, label, value, "off", "");
  }

  /**
   * A password input; its value is never written back into the page.
   *
   * @param autocomplete {@code current-password} or {@code new-password}
   */
  public Html password(String name, String label, String autocomplete) {
    return input("password", name, label, "", autocomplete, "");
  }

  /**
   * Any input with a help text under its label (empty {@code hint}: none).
   *
   * @param type {@code text}, {@code email}, {@code date}, {@code password}, {@code tel}…
   */
  public Html input(
      String type, String name, String label, String value, String autocomplete, String hint) {
    String id = "f-" + name;
    return Html.of(
        """
        <div class="field{}"><label for="{}">{}</label>{}{}\
        <input type="{}" id="{}" name="{}" value="{}" autocomplete="{}"{}></div>""",
        errors.of(name).isPresent() ? " field--error" : "",
        id,
        label,
        hintHtml(id, hint),
        errorHtml(id, name),
        type,
        id,
        name,
        value,
        autocomplete,
        describedBy(id, name, hint));
  }

  /**
   * A group of radio buttons in a fieldset.
   *
   * @param options values to their translated labels, in display order
   */
  public Html radios(String name, String legend, Map<String, String> options, String selected) {
    String id = "f-" + name;
    List<Html> items = Html.list();
    for (Map.Entry<String, String> option : options.entrySet()) {
      String optionId = id + "-" + option.getKey();
      items.add(
          Html.of(
              "<div class=\"choice\"><input type=\"radio\" id=\"{}\" name=\"{}\" value=\"{}\"{}>"
                  + "<label for=\"{}\">{}</label></div>",
              optionId,
              name,
              option.getKey(),
              option.getKey().equals(selected) ? Html.of(" checked") : Html.EMPTY,
              optionId,
              option.getValue()));
    }
    return Html.of(
        "<fieldset class=\"field{}\" id=\"{}\"{}><legend>{}</legend>{}{}</fieldset>",
        errors.of(name).isPresent() ? " field--error" : "",
        id,
        describedBy(id, name, ""),
        legend,
        errorHtml(id, name),
        Html.join(items));
  }

  /** One checkbox (value {@code on}: absent from the form when unchecked). */
  public Html checkbox(String name, String label, boolean checked) {
    String id = "f-" + name;
    return Html.of(
        "<div class=\"field choice{}\">{}<input type=\"checkbox\" id=\"{}\" name=\"{}\""
            + " value=\"on\"{}{}><label for=\"{}\">{}</label></div>",
        errors.of(name).isPresent() ? " field--error" : "",
        errorHtml(id, name),
        id,
        name,
        checked ? Html.of(" checked") : Html.EMPTY,
        describedBy(id, name, ""),
        id,
        label);
  }

  /** The main button. */
  public Html submit(String label) {
    return Html.of("<button type=\"submit\" class=\"button\">{}</button>", label);
  }

  /** A button that submits {@code name=value} (several choices in one form). */
  public Html submit(String label, String name, String value) {
    return Html.of(
        "<button type=\"submit\" class=\"button\" name=\"{}\" value=\"{}\">{}</button>",
        name,
        value,
        label);
  }

  private Html summary() {
    if (errors.isEmpty()) {
      return Html.EMPTY;
    }
    List<Html> items = Html.list();
    errors
        .ordered()
        .forEach(
            (field, message) ->
                items.add(Html.of("<li><a href=\"#f-{}\">{}</a></li>", field, message)));
    return Html.of(
        "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>{}</h2><ul>{}</ul></div>",
        request.messages().get("form.errors.title"),
        Html.join(items));
  }

  private Html errorHtml(String id, String name) {
    return errors
        .of(name)
        .map(message -> Html.of("<p class=\"field__error\" id=\"{}-error\">{}</p>", id, message))
        .orElse(Html.EMPTY);
  }

  private static Html hintHtml(String id, String hint) {
    return hint.isEmpty()
        ? Html.EMPTY
        : Html.of("<p class=\"field__hint\" id=\"{}-hint\">{}</p>", id, hint);
  }

  private Html describedBy(String id, String name, String hint) {
    boolean error = errors.of(name).isPresent();
    String ids = ((hint.isEmpty() ? "" : id + "-hint ") + (error ? id + "-error" : "")).trim();
    if (ids.isEmpty()) {
      return Html.EMPTY;
    }
    return Html.of(
        " aria-describedby=\"{}\"{}", ids, error ? Html.of(" aria-invalid=\"true\"") : Html.EMPTY);
  }
}
