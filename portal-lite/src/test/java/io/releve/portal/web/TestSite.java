package io.releve.portal.web;

import io.releve.portal.TestClock;
import io.releve.portal.Visitor;
import io.releve.portal.store.AccountKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A started portal with a few test routes, and a visitor that keeps cookies by hand (the JDK's
 * cookie manager will not send {@code Secure} cookies over plain HTTP, which tests use).
 */
final class TestSite implements AutoCloseable {
  static final Instant START = Instant.parse("2026-11-12T08:00:00Z");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  final TestClock clock = new TestClock(START);
  final WebApp app = new WebApp(clock);
  final PortalServer server;
  final Map<String, String> cookies = new LinkedHashMap<>();

  TestSite() throws IOException {
    Router router = app.router();
    router.get("/formulaire", r -> Response.page(Page.of("Form", new Forms(r).form("/echo"))));
    router.post(
        "/echo",
        r -> Response.page(Page.of("Echo", Html.of("<p id=\"echo\">{}</p>", r.form("text")))));
    router.post(
        "/login",
        r -> {
          app.sessions().logIn(r, 42, AccountKind.RESIDENT);
          return Response.redirect("/moi");
        });
    router.post(
        "/logout",
        r -> {
          app.sessions().logOut(r);
          return Response.redirect("/");
        });
    router.get(
        "/moi",
        r ->
            Response.page(
                Page.of(
                    "Me", Html.of("<p id=\"me\">{}</p>", r.requireAccount(AccountKind.RESIDENT)))));
    router.post(
        "/upload",
        r -> {
          UploadedFile file = r.file("file").orElseThrow(HttpError::notFound);
          String sha =
              HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.bytes()));
          return Response.page(
              Page.of(
                  "Upload",
                  Html.of(
                      "<p id=\"note\">{}</p><p id=\"file\">{}|{}|{}|{}</p>",
                      r.form("note"),
                      file.fileName(),
                      file.contentType(),
                      file.bytes().length,
                      sha)));
        });
    router.post("/connexion", r -> Response.redirect("/"));
    router.get(
        "/panne",
        r -> {
          throw new IllegalStateException("the database went away");
        });
    router.get(
        "/langue", r -> Response.page(Page.of(r.messages().get("error.404.title"), Html.EMPTY)));
    server = app.start(new InetSocketAddress("127.0.0.1", 0));
  }

  URI uri(String path) {
    return URI.create(server.uri() + path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (name, value) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(Urls.encode(name))
                .append('=')
                .append(Urls.encode(value)));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** Sends with this visitor's cookies and keeps the ones set in the answer. */
  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return Visitor.send(request, cookies, Duration.ofSeconds(10));
  }

  /** The CSRF token of a page's form. */
  static String csrf(HttpResponse<String> page) {
    Matcher matcher = CSRF.matcher(page.body());
    if (!matcher.find()) {
      throw new AssertionError("No csrf field in " + page.body());
    }
    return matcher.group(1);
  }

  /** A token obtained the way a browser gets it: by showing a form first. */
  String csrf() throws IOException, InterruptedException {
    return csrf(get("/formulaire"));
  }

  static List<String> values(HttpResponse<?> response, String header) {
    return response.headers().allValues(header);
  }

  @Override
  public void close() {
    server.close();
  }
}
