package io.releve.portal.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text as one of the PDF's standard 14 fonts can show it. Those fonts carry no glyph outside
 * WinAnsiEncoding (Windows-1252): French accents, {@code ’}, {@code –} and the {@code ³} of m³ are
 * in it, but not the narrow no-break space Java puts between thousands in French, nor the minus
 * sign. Those are replaced by their plain look-alikes, and anything else outside the encoding by
 * {@code ?}: PDFBox would throw on it and no statement would be made.
 */
final class PdfText {

  /** Characters outside WinAnsiEncoding that have a plain look-alike inside it. */
  private static final Map<Integer, String> LOOK_ALIKES =
      Map.of(
          0x202F, " ", // narrow no-break space: French thousands
          0x00A0, " ", // no-break space: before ":" and "%" in French
          0x2009, " ", // thin space
          0x2212, "-", // minus sign
          0x2011, "-", // non-breaking hyphen
          0x2264, "<=",
          0x2265, ">=");

  private PdfText() {}

  /** {@code text} with every character {@code font} cannot encode replaced. */
  static String safe(PDFont font, String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              String one = new String(Character.toChars(cp));
              String alike = LOOK_ALIKES.get(cp);
              if (alike != null) {
                out.append(alike);
              } else if (encodable(font, one)) {
                out.append(one);
              } else {
                out.append('?');
              }
            });
    return out.toString();
  }

  private static boolean encodable(PDFont font, String one) {
    try {
      font.encode(one);
      return true;
    } catch (IllegalArgumentException e) {
      // PDFBox's answer for a character the font's encoding lacks
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode [" + one + "] in " + font.getName(), e);
    }
  }

  /** The width of {@code text} in points at {@code size}; {@code text} must be {@link #safe}. */
  static float width(PDFont font, float size, String text) {
    try {
      return font.getStringWidth(text) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure text in " + font.getName(), e);
    }
  }

  /** {@code text} ({@link #safe}) cut into lines no wider than {@code width}, at spaces. */
  static List<String> wrap(PDFont font, float size, String text, float width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && width(font, size, candidate) > width) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(candidate);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
