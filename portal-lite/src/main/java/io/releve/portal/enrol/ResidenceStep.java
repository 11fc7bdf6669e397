package io.releve.portal.enrol;

import io.releve.portal.store.Landlord;
import io.releve.portal.store.SiteAddress;
import io.releve.portal.store.SiteCode;
import io.releve.portal.web.FormErrors;
import io.releve.portal.web.Forms;
import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 2: the residence, by its site code (on the notices in the hall) or, failing that, by a
 * search on its address whose matches the visitor chooses from.
 */
final class ResidenceStep {

  static final String PATH = "/inscription/residence";

  /** Longer than any address anyone types; a bound on the work of one search. */
  private static final int MAX_QUERY = 200;

  private final Landlord landlord;

  ResidenceStep(Landlord landlord) {
    this.landlord = landlord;
  }

  Response show(Request request) {
    Optional<Wizard> wizard = Wizard.of(request);
    if (wizard.isEmpty()) {
      return StepPage.restart();
    }
    String site = wizard.get().site() == null ? "" : wizard.get().site().value();
    return page(request, new FormErrors(request), site, "", List.of());
  }

  Response submit(Request request) {
    Optional<Wizard> wizard = Wizard.of(request);
    if (wizard.isEmpty()) {
      return StepPage.restart();
    }
    FormErrors errors = new FormErrors(request);
    String siteInput = request.form("site");
    String address = request.form("address").strip();
    if (!siteInput.isBlank()) {
      Optional<SiteCode> site = SiteCode.parse(siteInput);
      if (site.isEmpty()) {
        errors.reject("site", "enrol.residence.site.format", siteInput.strip());
      } else if (!landlord.siteExists(site.get())) {
        errors.reject("site", "enrol.residence.site.unknown", site.get().value());
      } else {
        wizard.get().withSite(site.get()).save(request);
        return Response.redirect(DwellingStep.PATH);
      }
      return page(request, errors, siteInput, address, List.of());
    }
    if (address.isEmpty()) {
      errors.reject("site", "enrol.residence.site.required");
      return page(request, errors, "", "", List.of());
    }
    if (address.length() > MAX_QUERY) {
      errors.reject("address", "form.too.long", MAX_QUERY);
      return page(request, errors, "", "", List.of());
    }
    List<SiteAddress> matches = landlord.searchAddresses(address);
    if (matches.isEmpty()) {
      errors.reject("address", "enrol.residence.address.none", address);
    }
    return page(request, errors, "", address, matches);
  }

  private static Response page(
      Request request, FormErrors errors, String site, String address, List<SiteAddress> matches) {
    Messages m = request.messages();
    Forms f = new Forms(request, errors);
    // one form: a typed site code wins, else the address is searched
    Html form =
        f.form(
            PATH,
            f.input(
                "text",
                "site",
                m.get("enrol.residence.site"),
                site,
                "off",
                m.get("enrol.residence.site.hint")),
            Html.of("<p class=\"or\">{}</p>", m.get("enrol.residence.or")),
            f.input(
                "text",
                "address",
                m.get("enrol.residence.address"),
                address,
                "street-address",
                m.get("enrol.residence.address.hint")),
            f.submit(m.get("form.next")));
    Html choices = Html.EMPTY;
    if (!matches.isEmpty()) {
      Map<String, String> options = new LinkedHashMap<>();
      for (SiteAddress match : matches) {
        options.put(match.site().value(), match.oneLine() + " (" + match.site().value() + ")");
      }
      Forms plain = new Forms(request);
      choices =
          Html.of(
              "<section class=\"card\" id=\"matches\">{}</section>",
              plain.form(
                  PATH,
                  plain.radios("site", m.get("enrol.residence.matches"), options, ""),
                  plain.submit(m.get("enrol.residence.choose"))));
    }
    Html content = Html.join(Html.of("<p>{}</p>", m.get("enrol.residence.intro")), choices, form);
    return StepPage.of(request, 2, StatusStep.PATH, content, !errors.isEmpty());
  }
}
