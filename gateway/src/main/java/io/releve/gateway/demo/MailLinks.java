package io.releve.gateway.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recipient and the links of one mail the portal wrote as an {@code .eml} file (RFC 822, text
 * or multipart/alternative, each part in 7bit, quoted-printable or base64): enough to print the
 * activation links a newcomer needs, without a mail library in the gateway.
 *
 * @param to the {@code To} header, unfolded; empty when there is none
 * @param links every link of the text and HTML parts, in order, each once
 */
public record MailLinks(String to, List<String> links) {

  private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");
  private static final Pattern BOUNDARY =
      Pattern.compile("boundary=\"?([^\";\\s]+)\"?", Pattern.CASE_INSENSITIVE);

  /** Reads {@code eml}, the whole file as written. */
  public static MailLinks of(String eml) {
    Part mail = Part.of(eml);
    Set<String> links = new LinkedHashSet<>();
    for (String text : mail.texts()) {
      Matcher link = LINK.matcher(text);
      while (link.find()) {
        links.add(link.group());
      }
    }
    return new MailLinks(mail.header("to"), List.copyOf(links));
  }

  /** One MIME entity: its headers (unfolded, names in lower case) and its raw body. */
  private record Part(List<String[]> headers, String body) {

    static Part of(String raw) {
      String text = raw.replace("\r\n", "\n");
      int blank = text.indexOf("\n\n");
      String head = blank < 0 ? text : text.substring(0, blank);
      String body = blank < 0 ? "" : text.substring(blank + 2);
      List<String[]> headers = new ArrayList<>();
      for (String line : head.replaceAll("\n[ \t]+", " ").split("\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.add(
              new String[] {
                line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                line.substring(colon + 1).strip()
              });
        }
      }
      return new Part(headers, body);
    }

    String header(String name) {
      return headers.stream().filter(h -> h[0].equals(name)).map(h -> h[1]).findFirst().orElse("");
    }

    /** The decoded text of this part, or of each of its parts when it is multipart. */
    List<String> texts() {
      String type = header("content-type");
      Matcher boundary = BOUNDARY.matcher(type);
      if (type.toLowerCase(Locale.ROOT).startsWith("multipart/") && boundary.find()) {
        List<String> texts = new ArrayList<>();
        String[] pieces = body.split("(?m)^--" + Pattern.quote(boundary.group(1)) + "(--)?\\s*$");
        // the piece before the first boundary is the preamble, and after the last the epilogue
        for (int i = 1; i < pieces.length - 1; i++) {
          texts.addAll(Part.of(pieces[i].replaceFirst("^\n", "")).texts());
        }
        return texts;
      }
      return List.of(decoded());
    }

    private String decoded() {
      String encoding = header("content-transfer-encoding").toLowerCase(Locale.ROOT);
      return switch (encoding) {
        case "base64" ->
            new String(Base64.getMimeDecoder().decode(body.strip()), StandardCharsets.UTF_8);
        case "quoted-printable" -> quotedPrintable(body);
        default -> body;
      };
    }
  }

  /** RFC 2045 §6.7: {@code =XY} is a byte, {@code =} at the end of a line joins it to the next. */
  static String quotedPrintable(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String joined = text.replace("=\n", "");
    for (int i = 0; i < joined.length(); i++) {
      char c = joined.charAt(i);
      if (c == '='
          && i + 2 < joined.length()
          && isHex(joined.charAt(i + 1))
          && isHex(joined.charAt(i + 2))) {
        bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
