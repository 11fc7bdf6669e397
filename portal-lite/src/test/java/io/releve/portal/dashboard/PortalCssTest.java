package io.releve.portal.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared stylesheet, as features append their blocks to it: a block that loses its closing
 * brace in a merge makes every later rule a nested one (browsers with CSS nesting then apply none
 * of them), so each feature's block must start at the top level.
 */
class PortalCssTest {

  private static String css() throws IOException {
    try (InputStream in =
        PortalCssTest.class.getResourceAsStream("/io/releve/portal/static/portal.css")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyFeatureBlock_startsAtTheTopLevel_andTheFileClosesEveryBrace() throws IOException {
    String css = css().replaceAll("(?s)/\\*(?! ---).*?\\*/", "");
    int depth = 0;
    List<String> lines = css.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("/* --- ")) {
        assertEquals(0, depth, "block [" + line + "] starts inside an open rule");
      }
      depth += line.chars().filter(ch -> ch == '{').count();
      depth -= line.chars().filter(ch -> ch == '}').count();
      assertTrue(depth >= 0, "a } closes nothing near [" + line + "]");
    }
    assertEquals(0, depth, "braces left open at the end of portal.css");
  }

  @Test
  void dashboardBlock_isTheLastAndStylesTheTabsAndTheClosedRadiator() throws IOException {
    String css = css();
    int block = css.lastIndexOf("/* --- ");
    assertEquals(css.indexOf("/* --- dashboard --- */"), block);
    String dashboard = css.substring(block);
    assertTrue(dashboard.contains(".fluid-tabs a[aria-current=\"page\"] {"));
    assertTrue(dashboard.contains("tr.is-zero td,"));
    assertTrue(dashboard.contains(".figure-list {"));
  }
}
