package io.releve.portal.account;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and null as JSON text: all the export needs, so
 * the portal carries no JSON library.
 */
final class Json {

  private Json() {}

  /** The JSON text of {@code value}, indented by two spaces per level. */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 0);
    return out.append('\n').toString();
  }

  private static void write(Object value, StringBuilder out, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Map<?, ?> map) {
      writeEntries(map.entrySet().iterator(), out, depth);
    } else if (value instanceof List<?> list) {
      writeItems(list, out, depth);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      string(String.valueOf(value), out);
    }
  }

  private static void writeEntries(
      Iterator<? extends Map.Entry<?, ?>> entries, StringBuilder out, int depth) {
    if (!entries.hasNext()) {
      out.append("{}");
      return;
    }
    out.append('{');
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      newline(out, depth + 1);
      string(String.valueOf(entry.getKey()), out);
      out.append(": ");
      write(entry.getValue(), out, depth + 1);
      if (entries.hasNext()) {
        out.append(',');
      }
    }
    newline(out, depth);
    out.append('}');
  }

  private static void writeItems(List<?> list, StringBuilder out, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      newline(out, depth + 1);
      write(list.get(i), out, depth + 1);
      if (i < list.size() - 1) {
        out.append(',');
      }
    }
    newline(out, depth);
    out.append(']');
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n').append("  ".repeat(depth));
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
