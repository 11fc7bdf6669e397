package io.releve.portal.enrol;

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
 * A visitor of the portal over real HTTP that keeps its cookies itself: the JDK's cookie manager
 * never sends the {@code Secure} session cookie over the plain HTTP the tests use.
 */
public final class Visitor {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrf = "";

  public Visitor(URI base) {
    this.base = base;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve(path)).GET());
    Matcher m = CSRF.matcher(page.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return page;
  }

  /** Posts the fields with the CSRF token of the last page seen. */
  public HttpResponse<String> post(String path, String... fields)
      throws IOException, InterruptedException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", csrf);
    for (int i = 0; i < fields.length; i += 2) {
      form.put(fields[i], fields[i + 1]);
    }
    return postRaw(path, form);
  }

  public HttpResponse<String> postRaw(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (n, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(n, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    Matcher m = CSRF.matcher(answer.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return answer;
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach(
          (n, v) ->
              header.append(header.length() == 0 ? "" : "; ").append(n).append('=').append(v));
      request.header("Cookie", header.toString());
    }
    HttpResponse<String> response =
        client.send(
            request.timeout(Duration.ofSeconds(20)).build(),
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
