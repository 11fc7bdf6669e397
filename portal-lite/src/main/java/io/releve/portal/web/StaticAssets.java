package io.releve.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The files of {@code io/releve/portal/static/} on the class path, served under {@code /static/}.
 * Only flat names with a known extension are looked up, so no path (such as {@code ../x}) can reach
 * anything else.
 */
final class StaticAssets {
  static final String PREFIX = "/static/";
  private static final String FOLDER = "io/releve/portal/static/";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*\\.([a-z0-9]+)");
  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "woff2", "font/woff2",
          "txt", "text/plain; charset=utf-8");

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  /** The asset at {@code path} (which starts with {@link #PREFIX}), if there is one. */
  Optional<Response> serve(String path) {
    String name = path.substring(PREFIX.length());
    var matcher = NAME.matcher(name);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String type = TYPES.get(matcher.group(1));
    if (type == null) {
      return Optional.empty();
    }
    byte[] bytes = cache.get(name);
    if (bytes == null) {
      bytes = load(name);
      if (bytes == null) {
        // misses are not cached: the cache holds only the shipped files, whatever is asked
        return Optional.empty();
      }
      cache.put(name, bytes);
    }
    return Optional.of(Response.bytes(type, bytes));
  }

  private static byte[] load(String name) {
    try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read asset " + name, e);
    }
  }
}
