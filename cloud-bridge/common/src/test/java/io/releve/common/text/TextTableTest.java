package io.releve.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void print_alignsColumnsWithTwoSpaces_printsDashForEmptyCells_andNoTrailingSpaces() {
    TextTable table = new TextTable("SITE", "GATEWAYS", "LAST SEEN");
    table.add("A7", 12, "2026-03-01 08:00");
    table.add("B-long-code", null, "");
    StringWriter out = new StringWriter();
    try (PrintWriter writer = new PrintWriter(out)) {
      table.print(writer);
    }
    assertEquals(
        String.join(
            System.lineSeparator(),
            "SITE         GATEWAYS  LAST SEEN",
            "A7           12        2026-03-01 08:00",
            "B-long-code  -         -",
            ""),
        out.toString());
  }
}
