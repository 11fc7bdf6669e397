package io.releve.portal.enrol;

import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;

/** "Check your mailbox": the same page for every e-mail, known or not. */
final class SentPage {

  static final String PATH = "/inscription/envoyee";

  private SentPage() {}

  static Response show(Request request) {
    Messages m = request.messages();
    return Response.page(
        Page.of(
            m.get("enrol.sent.title"),
            Html.of(
                "<p class=\"success\" id=\"sent\">{}</p><p>{}</p>",
                m.get("enrol.sent.text"),
                m.get("enrol.sent.spam"))));
  }
}
