package io.releve.portal.manager;

import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;

/** The red count of active alerts next to a site, a dwelling or a section title; nothing for 0. */
final class Count {

  private Count() {}

  /** The count as a red badge that a screen reader reads as "2 active alerts". */
  static Html of(Messages messages, int active) {
    return active == 0
        ? Html.EMPTY
        : Html.of(
            "<span class=\"manager-alert-count\" role=\"img\" aria-label=\"{}\">{}</span>",
            messages.get("manager.alerts.count", active),
            String.valueOf(active));
  }
}
