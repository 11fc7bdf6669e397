package io.releve.gateway.store;

import java.util.Objects;

/**
 * A dwelling of a site, as the installer names it ("A12", "Bât. B 3G"), with its lot number in the
 * co-ownership when known. A dwelling is identified by its site and label.
 *
 * @param site the site it belongs to
 * @param label 1 to 64 characters, stripped
 * @param lot the lot number, or null when not known
 */
public record Dwelling(SiteCode site, String label, String lot) {

  public Dwelling {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(label, "label");
    label = Labels.require("Dwelling", label);
    lot = Labels.optional("Lot", lot);
  }

  /** "AB123/A12": how messages name a dwelling. */
  @Override
  public String toString() {
    return site + "/" + label;
  }
}
