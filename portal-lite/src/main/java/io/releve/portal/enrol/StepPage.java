package io.releve.portal.enrol;

import io.releve.portal.web.Html;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Page;
import io.releve.portal.web.Request;
import io.releve.portal.web.Response;

/** The frame shared by the four steps: progress, the step's content and the way back. */
final class StepPage {

  static final int STEPS = 4;

  private StepPage() {}

  /**
   * A step's page.
   *
   * @param back the previous step's path, or null on the first step
   * @param errors whether the form had errors: answered with 422 so that the status says it too
   */
  static Response of(Request request, int step, String back, Html content, boolean errors) {
    Messages m = request.messages();
    Html progress = Html.of("<p class=\"progress\">{}</p>", m.get("enrol.progress", step, STEPS));
    Html backLink =
        back == null
            ? Html.EMPTY
            : Html.of("<p class=\"back\"><a href=\"{}\">{}</a></p>", back, m.get("form.back"));
    Page page =
        Page.of(m.get("enrol.step" + step + ".title"), Html.join(progress, content, backLink));
    Response response = Response.page(page);
    return errors ? response.status(422) : response;
  }

  /** Where a visitor who skipped a step is sent back to. */
  static Response restart() {
    return Response.redirect(StatusStep.PATH);
  }
}
