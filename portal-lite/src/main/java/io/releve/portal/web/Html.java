package io.releve.portal.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A fragment of HTML that is safe to write as is: every piece of text that went into it was
 * escaped. Build it with {@link #of} (a constant template whose {@code {}} holes are filled with
 * escaped arguments), {@link #text} and {@link #join}; there is deliberately no way to wrap an
 * arbitrary string without escaping it.
 */
public final class Html {
  /** The empty fragment. */
  public static final Html EMPTY = new Html("");

  private static final String HOLE = "{}";

  private final String markup;

  private Html(String markup) {
    this.markup = markup;
  }

  /**
   * Fills the {@code {}} holes of {@code template}, in order, with {@code args}: an {@link Html}
   * argument is inserted as is, anything else is turned into a string and escaped.
   *
   * @param template trusted markup written in the code (never user input)
   * @throws IllegalArgumentException when the number of holes and of arguments differ
   * @throws NullPointerException when an argument is null (say {@code ""} or {@link #EMPTY})
   */
  public static Html of(String template, Object... args) {
    StringBuilder out = new StringBuilder(template.length() + 16 * args.length);
    int from = 0;
    int used = 0;
    for (int hole = template.indexOf(HOLE); hole >= 0; hole = template.indexOf(HOLE, from)) {
      if (used == args.length) {
        throw new IllegalArgumentException(
            "Template has more {} holes than the " + args.length + " arguments: " + template);
      }
      out.append(template, from, hole);
      Object arg = args[used];
      if (arg == null) {
        throw new NullPointerException("Argument " + used + " is null in: " + template);
      }
      out.append(arg instanceof Html html ? html.markup : escape(String.valueOf(arg)));
      used++;
      from = hole + HOLE.length();
    }
    if (used != args.length) {
      throw new IllegalArgumentException(
          "Template has " + used + " {} holes but " + args.length + " arguments: " + template);
    }
    return new Html(out.append(template, from, template.length()).toString());
  }

  /** Escaped text. */
  public static Html text(String text) {
    return new Html(escape(text));
  }

  /** The fragments one after the other. */
  public static Html join(Iterable<Html> parts) {
    StringBuilder out = new StringBuilder();
    for (Html part : parts) {
      out.append(part.markup);
    }
    return new Html(out.toString());
  }

  /** The fragments one after the other. */
  public static Html join(Html... parts) {
    return join(List.of(parts));
  }

  /** Collects fragments in a loop, then {@link #join}s them. */
  public static List<Html> list() {
    return new ArrayList<>();
  }

  /**
   * Escapes the five characters that matter in text and in quoted attribute values: {@code & < > "
   * '}.
   */
  public static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** The markup. */
  @Override
  public String toString() {
    return markup;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Html html && html.markup.equals(markup);
  }

  @Override
  public int hashCode() {
    return markup.hashCode();
  }
}
