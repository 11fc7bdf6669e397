package io.releve.portal.enrol;

import io.releve.portal.Portal;
import io.releve.portal.web.Router;

/** The routes of this feature: the table of contents of its pages. */
public final class EnrolRoutes {

  private EnrolRoutes() {}

  /** Adds this feature's routes to the portal's router. */
  public static void register(Portal portal) {
    Repositories store = Repositories.of(portal);
    Enrolment enrolment = new Enrolment(store, portal.mail(), portal.texts(), portal.clock());
    ResidenceStep residence = new ResidenceStep(store.landlord());
    DwellingStep dwelling =
        new DwellingStep(store.database(), store.landlord(), portal.web().rateLimits());
    ContactStep contact = new ContactStep(enrolment, portal.clock(), portal.config().siteZone());
    Activation activation =
        new Activation(
            store,
            portal.passwords(),
            portal.web().sessions(),
            portal.clock(),
            enrolment,
            portal.mail());
    HomePage home = new HomePage(store, portal.config().siteZone());
    ConsentPopup consent = new ConsentPopup(store, portal.clock());
    Router router = portal.web().router();
    router
        .get(StatusStep.PATH, StatusStep::show)
        .post(StatusStep.PATH, StatusStep::submit)
        .get(ResidenceStep.PATH, residence::show)
        .post(ResidenceStep.PATH, residence::submit)
        .get(DwellingStep.PATH, dwelling::show)
        .post(DwellingStep.PATH, dwelling::submit)
        .get(ContactStep.PATH, contact::show)
        .post(ContactStep.PATH, contact::submit)
        .get(SentPage.PATH, SentPage::show)
        .get(Activation.PATH, activation::show)
        .post(Activation.PATH, activation::submit)
        .get(HomePage.PATH, home::show)
        .post(ConsentPopup.PATH, consent::submit)
        .get(PrivacyNotice.PRIVACY_PATH, PrivacyNotice::privacy)
        .get(PrivacyNotice.TERMS_PATH, PrivacyNotice::terms);
  }
}
