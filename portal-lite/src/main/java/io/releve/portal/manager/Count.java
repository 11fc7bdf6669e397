package io.releve.portal.manager;

import io.releve.portal.web.Html;

/** The red count of active alerts next to a site, a dwelling or a section title; nothing for 0. */
final class Count {

  private Count() {}

  static Html of(int active) {
    return active == 0
        ? Html.EMPTY
        : Html.of("<span class=\"alert-count\">{}</span>", String.valueOf(active));
  }
}
