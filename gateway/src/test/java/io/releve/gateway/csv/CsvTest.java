package io.releve.gateway.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void parse_plainFields_splitsOnCommasAndLines() throws CsvException {
    assertEquals(
        List.of(new CsvRecord(1, List.of("a", "b", "")), new CsvRecord(2, List.of("c", "d", "e"))),
        Csv.parse("a,b,\nc,d,e\n"));
  }

  @Test
  void parse_quotedFields_keepCommasQuotesAndLineBreaks() throws CsvException {
    assertEquals(
        List.of(
            new CsvRecord(1, List.of("Bât. B, 3e", "say \"hi\"", "two\nlines")),
            new CsvRecord(3, List.of("next", ""))),
        Csv.parse("\"Bât. B, 3e\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nnext,\"\"\r\n"));
  }

  @Test
  void parse_byteOrderMarkAndBlankLines_areIgnored() throws CsvException {
    assertEquals(
        List.of(new CsvRecord(1, List.of("x", "y")), new CsvRecord(3, List.of("z"))),
        Csv.parse("\uFEFFx,y\n\nz"));
  }

  @Test
  void parse_unclosedQuote_reportsTheLineWhereItOpened() {
    CsvException thrown = assertThrows(CsvException.class, () -> Csv.parse("a,b\nc,\"d\n\n"));
    assertEquals("line 2: a quoted field is not closed", thrown.getMessage());
  }

  @Test
  void parse_textAfterClosingQuote_isRefused() {
    CsvException thrown = assertThrows(CsvException.class, () -> Csv.parse("\"a\"b,c"));
    assertEquals("line 1: text after the closing quote of a field", thrown.getMessage());
  }

  @Test
  void line_quotesOnlyFieldsThatNeedIt_andParsesBack() throws CsvException {
    List<String> fields = List.of("", "plain", "a,b", "say \"hi\"", " padded", "two\nlines");
    String line = Csv.line(fields);

    assertEquals(",plain,\"a,b\",\"say \"\"hi\"\"\",\" padded\",\"two\nlines\"", line);
    assertEquals(List.of(new CsvRecord(1, fields)), Csv.parse(line + "\n"));
  }
}
