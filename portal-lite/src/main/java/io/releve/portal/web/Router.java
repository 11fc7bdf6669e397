package io.releve.portal.web;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The table of contents of the portal: which handler answers which method and exact path. {@code
 * HEAD} is answered by the {@code GET} handler (without body), any other method gets 405, an
 * unknown path 404; {@code /static/} is served by the web core itself.
 *
 * <p>Before a POST handler runs, the router has already counted it against the per-IP limit (on
 * login, enrolment and forgot-password paths), read the form (413 beyond 2 MB) and checked its
 * {@code csrf} field against the session (403 when missing or wrong).
 */
public final class Router {
  private final Map<String, Map<String, Handler>> routes = new ConcurrentHashMap<>();

  /** Routes {@code GET} (and {@code HEAD}) of {@code path} to {@code handler}. */
  public Router get(String path, Handler handler) {
    return add("GET", path, handler);
  }

  /** Routes {@code POST} of {@code path} to {@code handler}. */
  public Router post(String path, Handler handler) {
    return add("POST", path, handler);
  }

  private Router add(String method, String path, Handler handler) {
    if (!path.startsWith("/") || path.startsWith(StaticAssets.PREFIX) || path.contains("?")) {
      throw new IllegalArgumentException("Route path must be absolute, without query: " + path);
    }
    Handler before =
        routes.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).putIfAbsent(method, handler);
    if (before != null) {
      throw new IllegalStateException(method + " " + path + " is routed twice");
    }
    return this;
  }

  /** The handlers of {@code path} by method, if the path is routed. */
  Optional<Map<String, Handler>> find(String path) {
    return Optional.ofNullable(routes.get(path));
  }

  /** Each routed path with its methods, for a listing or a test. */
  public Map<String, Set<String>> table() {
    Map<String, Set<String>> table = new TreeMap<>();
    routes.forEach((path, methods) -> table.put(path, Set.copyOf(methods.keySet())));
    return table;
  }
}
