package io.releve.portal.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every request through the same steps: language, static assets, route, language switch,
 * per-IP limit, form, CSRF, handler; then errors to pages, security headers and the session cookie.
 * Logs name the method and path only: never the query, form, cookies or tokens.
 */
final class Dispatcher implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final WebApp app;

  Dispatcher(WebApp app) {
    this.app = app;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    try {
      Request request = newRequest(exchange, method, path);
      Response response;
      byte[] body;
      try {
        response = route(exchange, request);
        body = render(response, request);
      } catch (HttpError error) {
        response = ErrorPages.response(error, request);
        body = render(response, request);
      } catch (Exception e) {
        log.error("{} {} failed", method, path, e);
        response = ErrorPages.response(HttpError.internal(), request);
        body = render(response, request);
      }
      write(exchange, request, response, body);
    } catch (IOException e) {
      // the visitor went away or sent garbage: nothing to answer, nothing to fix here
      log.debug("{} {}: {}", method, path, e.toString());
    } catch (RuntimeException e) {
      // the error page itself failed (a layout hook, a missing text): a bare answer still goes out
      log.error("{} {} failed while answering an error", method, path, e);
      writeBare(exchange);
    } finally {
      exchange.close();
    }
  }

  private static void writeBare(HttpExchange exchange) {
    if (exchange.getResponseCode() != -1) {
      return;
    }
    try {
      byte[] body = "500".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().clear();
      SecurityHeaders.apply(exchange.getResponseHeaders(), false);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(500, body.length);
      exchange.getResponseBody().write(body);
    } catch (IOException gone) {
      log.debug("Bare 500 not sent: {}", gone.toString());
    }
  }

  private Request newRequest(HttpExchange exchange, String method, String path) {
    Map<String, List<String>> headers = exchange.getRequestHeaders();
    Map<String, String> cookies = cookies(headers.getOrDefault("Cookie", List.of()));
    Lang lang =
        LanguageSwitch.resolve(
            Optional.ofNullable(cookies.get(LanguageSwitch.COOKIE)),
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept-Language")));
    Map<String, List<String>> query;
    try {
      query = FormData.parseUrlEncoded(exchange.getRequestURI().getRawQuery());
    } catch (HttpError malformed) {
      query = Map.of();
    }
    return new Request(
        method,
        path,
        query,
        headers,
        cookies,
        exchange.getRemoteAddress().getAddress().getHostAddress(),
        app.messages(lang),
        app.sessions());
  }

  private Response route(HttpExchange exchange, Request request) throws Exception {
    String method = request.method();
    String path = request.path();
    boolean read = method.equals("GET") || method.equals("HEAD");
    // parsed once more only to refuse a malformed query with a 400 (newRequest cannot throw)
    FormData.parseUrlEncoded(exchange.getRequestURI().getRawQuery());
    if (path.startsWith(StaticAssets.PREFIX)) {
      if (!read) {
        throw HttpError.methodNotAllowed("GET, HEAD");
      }
      return app.assets().serve(path).orElseThrow(HttpError::notFound);
    }
    Map<String, Handler> handlers = app.router().find(path).orElseThrow(HttpError::notFound);
    Handler handler = handlers.get(read ? "GET" : method);
    if (handler == null) {
      throw HttpError.methodNotAllowed(allow(handlers));
    }
    if (read) {
      Optional<Lang> asked = LanguageSwitch.asked(request.queryParameters());
      if (asked.isPresent()) {
        return LanguageSwitch.remember(asked.get(), path, request.queryParameters());
      }
    }
    if (method.equals("POST")) {
      if (RateLimits.limitedPerIp(path)) {
        app.rateLimits().postFromIp(request);
      }
      request.form(
          FormData.read(
              exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestBody()));
      checkCsrf(request);
    }
    return handler.handle(request);
  }

  private static void checkCsrf(Request request) {
    Session session = request.existingSession().orElseThrow(HttpError::forbidden);
    byte[] expected = session.csrfToken().getBytes(StandardCharsets.UTF_8);
    byte[] given = request.form("csrf").getBytes(StandardCharsets.UTF_8);
    // constant time: the comparison must not tell how many leading characters were right
    if (!MessageDigest.isEqual(expected, given)) {
      throw HttpError.forbidden();
    }
  }

  private byte[] render(Response response, Request request) {
    return response
        .page()
        .map(page -> app.layout().render(page, request).toString().getBytes(StandardCharsets.UTF_8))
        .orElse(response.body());
  }

  private static void write(HttpExchange exchange, Request request, Response response, byte[] body)
      throws IOException {
    var headers = exchange.getResponseHeaders();
    boolean asset = request.path().startsWith(StaticAssets.PREFIX) && response.status() == 200;
    SecurityHeaders.apply(headers, asset);
    if (response.contentType() != null) {
      headers.set("Content-Type", response.contentType());
    }
    for (Map.Entry<String, String> header : response.headers()) {
      headers.add(header.getKey(), header.getValue());
    }
    if (request.sessionChanged()) {
      headers.add(
          "Set-Cookie",
          request.existingSession().map(Sessions::cookie).orElseGet(Sessions::clearedCookie));
    }
    boolean noBody = request.method().equals("HEAD") || body.length == 0;
    // -1 tells the JDK server there is no body at all
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String allow(Map<String, Handler> handlers) {
    if (!handlers.containsKey("GET")) {
      return "POST";
    }
    return handlers.containsKey("POST") ? "GET, HEAD, POST" : "GET, HEAD";
  }

  private static Map<String, String> cookies(List<String> headerValues) {
    Map<String, String> cookies = new HashMap<>();
    for (String header : headerValues) {
      for (String pair : header.split(";")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          // the first of two same-named cookies is the most specific one (RFC 6265 §5.4)
          cookies.putIfAbsent(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
      }
    }
    return cookies;
  }
}
