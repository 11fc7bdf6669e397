package io.releve.portal.store;

/** A site's postal address, from the landlord's import. */
public record SiteAddress(SiteCode site, String street, String postcode, String city) {

  /** One line for a list: {@code "12 rue des Lilas, 69003 Lyon"}. */
  public String oneLine() {
    return street + ", " + postcode + " " + city;
  }
}
