package io.releve.portal.documents;

import io.releve.portal.usage.UsageUnit;
import io.releve.portal.web.Messages;
import io.releve.portal.web.Notation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A {@link MonthlyStatement} as a one-page A4 PDF in the resident's language, with the standard
 * Helvetica fonts (nothing embedded, every reader has them; see {@link PdfText} for what they can
 * show). Pure but for PDFBox: a statement in, bytes out.
 */
final class StatementPdf {

  /** A4 margins, in points (1/72 inch). */
  private static final float MARGIN = 50;

  private static final float TITLE_SIZE = 16;
  private static final float TEXT_SIZE = 10;
  private static final float SMALL_SIZE = 8;

  /** The right edges of the table's number columns: this month, last year, evolution, average. */
  private static final float[] COLUMNS = {290, 380, 460, 545};

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Messages m;
  private final Locale locale;
  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private PDPageContentStream out;
  private float y;

  StatementPdf(Messages m) {
    this.m = m;
    this.locale = m.lang().locale();
  }

  /** The statement's title, as stored and shown in the documents list. */
  static String title(Messages m, YearMonth period) {
    return m.get("documents.statement.title", monthName(m, period));
  }

  /** {@code octobre 2026}, {@code October 2026}. */
  static String monthName(Messages m, YearMonth period) {
    return period.format(DateTimeFormatter.ofPattern("MMMM yyyy", m.lang().locale()));
  }

  /**
   * The PDF of {@code statement}, dated {@code madeAt} in its metadata.
   *
   * @throws UncheckedIOException when PDFBox cannot write it (it writes to memory only)
   */
  byte[] render(MonthlyStatement statement, ZonedDateTime madeAt) {
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(title(m, statement.period()));
      info.setCreator("Relevé");
      info.setCreationDate(GregorianCalendar.from(madeAt));
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
        out = stream;
        y = PDRectangle.A4.getHeight() - MARGIN;
        body(statement);
      } finally {
        out = null;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the statement of " + statement.period(), e);
    }
  }

  private void body(MonthlyStatement s) throws IOException {
    line(bold, TITLE_SIZE, MARGIN, title(m, s.period()));
    y -= 8;
    line(bold, TEXT_SIZE, MARGIN, m.get("documents.statement.dwelling", s.site(), s.dwelling()));
    if (s.lot() != null) {
      line(regular, TEXT_SIZE, MARGIN, m.get("documents.statement.lot", s.lot()));
    }
    line(regular, TEXT_SIZE, MARGIN, m.get("documents.statement.resident", s.resident()));
    line(
        regular,
        TEXT_SIZE,
        MARGIN,
        m.get("documents.statement.days", DAY.format(s.from()), DAY.format(s.to())));
    y -= 12;
    if (s.lines().isEmpty()) {
      paragraph(regular, TEXT_SIZE, m.get("documents.statement.no_devices"));
    } else {
      table(s);
    }
    y -= 8;
    boolean allocators = false;
    for (FluidLine line : s.lines()) {
      allocators |= line.of().unit() == UsageUnit.ALLOCATOR_UNITS;
    }
    if (allocators) {
      paragraph(regular, SMALL_SIZE, m.get("documents.statement.note.units"));
    }
    paragraph(regular, SMALL_SIZE, m.get("documents.statement.note.evolution"));
    paragraph(
        regular,
        SMALL_SIZE,
        m.get("documents.statement.note.average", String.valueOf(BuildingAverage.MIN_DWELLINGS)));
    paragraph(regular, SMALL_SIZE, m.get("documents.statement.note.cold_water"));
    y -= 10;
    line(bold, TEXT_SIZE, MARGIN, m.get("documents.statement.contact.title"));
    paragraph(
        regular,
        TEXT_SIZE,
        s.complaintContact() == null
            ? m.get("documents.statement.contact.none")
            : s.complaintContact());
    y -= 10;
    paragraph(regular, SMALL_SIZE, m.get("documents.statement.issued", DAY.format(s.issued())));
  }

  private void table(MonthlyStatement s) throws IOException {
    float top = y;
    text(bold, SMALL_SIZE, MARGIN, y, m.get("documents.statement.column.fluid"));
    right(bold, SMALL_SIZE, 0, m.get("documents.statement.column.month"));
    right(bold, SMALL_SIZE, 1, monthName(m, s.period().minusYears(1)));
    right(bold, SMALL_SIZE, 2, m.get("documents.statement.column.evolution"));
    right(bold, SMALL_SIZE, 3, m.get("documents.statement.column.average"));
    y -= 6;
    rule(top + 12);
    for (FluidLine line : s.lines()) {
      y -= 14;
      text(regular, TEXT_SIZE, MARGIN, y, fluid(line));
      right(regular, TEXT_SIZE, 0, number(line.use()));
      right(regular, TEXT_SIZE, 1, number(line.lastYear()));
      right(regular, TEXT_SIZE, 2, evolution(line.evolution()));
      right(
          regular, TEXT_SIZE, 3, line.average() == null ? noData() : number(line.average().mean()));
      if (line.average() != null) {
        y -= 9;
        right(
            regular,
            SMALL_SIZE - 1,
            3,
            m.get("documents.statement.dwellings", String.valueOf(line.average().dwellings())));
      }
      y -= 6;
      rule(y);
    }
    y -= 6;
  }

  private String fluid(FluidLine line) {
    return m.get(
        "documents.statement.fluid." + line.of().fluid().code(),
        m.get("documents.statement.unit." + line.of().unit().code()));
  }

  private String number(BigDecimal value) {
    return value == null ? noData() : Notation.number(value.toPlainString(), locale);
  }

  private String noData() {
    return m.get("documents.statement.no_data");
  }

  private String evolution(BigDecimal percent) {
    if (percent == null) {
      return noData();
    }
    String sign = percent.signum() > 0 ? "+" : "";
    return m.get(
        "documents.statement.percent", sign + Notation.number(percent.toPlainString(), locale));
  }

  private void rule(float at) throws IOException {
    out.setLineWidth(0.5f);
    out.moveTo(MARGIN, at);
    out.lineTo(PDRectangle.A4.getWidth() - MARGIN, at);
    out.stroke();
  }

  /** One line of text at the left margin, then down a line. */
  private void line(PDType1Font font, float size, float x, String text) throws IOException {
    text(font, size, x, y, text);
    y -= size * 1.5f;
  }

  /** Text wrapped to the page's width, then down. */
  private void paragraph(PDType1Font font, float size, String text) throws IOException {
    float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    List<String> lines = PdfText.wrap(font, size, PdfText.safe(font, text), width);
    for (String one : lines) {
      text(font, size, MARGIN, y, one);
      y -= size * 1.4f;
    }
  }

  /** Text whose right edge is that of column {@code column}, on the current line. */
  private void right(PDType1Font font, float size, int column, String text) throws IOException {
    String safe = PdfText.safe(font, text);
    text(font, size, COLUMNS[column] - PdfText.width(font, size, safe), y, safe);
  }

  private void text(PDType1Font font, float size, float x, float at, String text)
      throws IOException {
    out.beginText();
    out.setFont(font, size);
    out.newLineAtOffset(x, at);
    out.showText(PdfText.safe(font, text));
    out.endText();
  }
}
