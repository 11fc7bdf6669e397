package io.releve.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser: keeps its cookies by hand (the JDK's cookie manager never sends {@code Secure}
 * cookies over the plain HTTP of the tests) and posts forms with the CSRF token of the page shown
 * last, as a browser would.
 */
public final class Visitor {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final URI base;
  public final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrf = "";

  public Visitor(URI base) {
    this.base = base;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path)).GET());
    Matcher matcher = CSRF.matcher(response.body());
    if (matcher.find()) {
      csrf = matcher.group(1);
    }
    return response;
  }

  /** Posts {@code fields} (name, value, name, value…) with the current CSRF token. */
  public HttpResponse<String> post(String path, String... fields)
      throws IOException, InterruptedException {
    String[] withCsrf = new String[fields.length + 2];
    withCsrf[0] = "csrf";
    withCsrf[1] = csrf;
    System.arraycopy(fields, 0, withCsrf, 2, fields.length);
    return postRaw(path, withCsrf);
  }

  /** Posts exactly {@code fields}, with no CSRF token unless given. */
  public HttpResponse<String> postRaw(String path, String... fields)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append(body.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    Matcher matcher = CSRF.matcher(response.body());
    if (matcher.find()) {
      csrf = matcher.group(1);
    }
    return response;
  }

  /**
   * Posts a {@code multipart/form-data} form, as a browser sends a file upload: the CSRF token, the
   * {@code fields} (name, value, name, value…) and one file.
   */
  public HttpResponse<String> postFile(
      String path, String fileField, String fileName, byte[] content, String... fields)
      throws IOException, InterruptedException {
    String boundary = "----releve-test-boundary-7MA4YWxkTrZu0gW";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String[] withCsrf = new String[fields.length + 2];
    withCsrf[0] = "csrf";
    withCsrf[1] = csrf;
    System.arraycopy(fields, 0, withCsrf, 2, fields.length);
    for (int i = 0; i < withCsrf.length; i += 2) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + withCsrf[i]
                  + "\"\r\n\r\n"
                  + withCsrf[i + 1]
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + fileField
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    Matcher matcher = CSRF.matcher(response.body());
    if (matcher.find()) {
      csrf = matcher.group(1);
    }
    return response;
  }

  /** Logs in through the login page; the answer is the redirect (or the failure page). */
  public HttpResponse<String> logIn(String email, String password)
      throws IOException, InterruptedException {
    get("/");
    return post("/connexion", "email", email, "password", password);
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return send(request, cookies, Duration.ofSeconds(20));
  }

  /**
   * Sends {@code request} with {@code cookies} (kept by hand) and keeps in them the ones the answer
   * sets or clears; redirects are not followed.
   */
  public static HttpResponse<String> send(
      HttpRequest.Builder request, Map<String, String> cookies, Duration timeout)
      throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach(
          (n, v) ->
              header.append(header.length() == 0 ? "" : "; ").append(n).append('=').append(v));
      request.header("Cookie", header.toString());
    }
    HttpResponse<String> response =
        CLIENT.send(
            request.timeout(timeout).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      String name = pair.substring(0, pair.indexOf('='));
      String value = pair.substring(pair.indexOf('=') + 1);
      if (setCookie.contains("Max-Age=0") || value.isEmpty()) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return response;
  }
}
