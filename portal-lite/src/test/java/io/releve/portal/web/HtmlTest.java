package io.releve.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void of_textArguments_areEscapedInTextAndAttributes() {
    Html html = Html.of("<p class=\"{}\">{}</p>", "a\" onclick='x'", "<script>&</script>");

    assertEquals(
        "<p class=\"a&quot; onclick=&#39;x&#39;\">&lt;script&gt;&amp;&lt;/script&gt;</p>",
        html.toString());
  }

  @Test
  void of_htmlArgument_isInsertedAsIs() {
    Html inner = Html.of("<b>{}</b>", "<i>");

    assertEquals("<p><b>&lt;i&gt;</b></p>", Html.of("<p>{}</p>", inner).toString());
  }

  @Test
  void of_numbersAndHolesInArguments_areTextNotTemplate() {
    assertEquals("42 {}", Html.of("{} {}", 42, "{}").toString());
  }

  @Test
  void of_wrongNumberOfArguments_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> Html.of("{} {}", "one"));
    assertThrows(IllegalArgumentException.class, () -> Html.of("{}", "one", "two"));
    assertThrows(NullPointerException.class, () -> Html.of("{}", (Object) null));
  }

  @Test
  void textAndJoin_escapeEachPieceOnce() {
    Html joined = Html.join(List.of(Html.text("a&b"), Html.of("<br>"), Html.text("'c'")));

    assertEquals("a&amp;b<br>&#39;c&#39;", joined.toString());
  }
}
