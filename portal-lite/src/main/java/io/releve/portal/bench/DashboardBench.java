package io.releve.portal.bench;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings;
import io.releve.portal.Portal;
import io.releve.portal.PortalConfig;
import io.releve.portal.auth.Passwords;
import io.releve.portal.usage.Rollups;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard benchmark (DESIGN §9: the dashboard within 50 ms at the 95th percentile with two
 * years of daily data for 1 000 dwellings). In a folder of its own it writes the fleet of {@link
 * BenchBuilding} into a SQLite store, rolls it up as the portal does, starts the real portal on a
 * loopback port, signs residents in through the login form, and times GETs of their dashboards over
 * HTTP, every fluid tab in turn, from the request's start to the last byte of the page.
 */
final class DashboardBench {

  static final Duration TARGET = Duration.ofMillis(50);
  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final List<String> TABS =
      List.of("", "?fluide=eau-froide", "?fluide=eau-chaude", "?fluide=chauffage");

  /**
   * What to run.
   *
   * @param residents residents signed in and visited in turn; at most 25, since the login form
   *     takes 30 POSTs a minute from one address
   * @param expect a text every timed page must hold, so that an error page is never timed
   */
  record Settings(
      int dwellings,
      int days,
      int residents,
      int warmup,
      int requests,
      String path,
      String expect,
      Path folder) {}

  private final Settings settings;
  private final PrintStream progress;
  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  DashboardBench(Settings settings, PrintStream progress) {
    this.settings = settings;
    this.progress = progress;
  }

  DashboardResult run() throws Exception {
    Instant now = Instant.now();
    LocalDate today = LocalDate.ofInstant(now, ZONE);
    Path store = settings.folder().resolve("cloud.db");
    try (Database database = Database.open(new StoreSettings.Sqlite(store), Clock.systemUTC())) {
      long start = System.nanoTime();
      String hash = new Passwords().hash(BenchBuilding.PASSWORD.toCharArray());
      long readings =
          new BenchBuilding(database, ZONE, today, settings.days(), now)
              .write(settings.dwellings(), hash);
      long written = System.nanoTime();
      progress.printf(
          "releve bench dashboard: stored %d readings (%d dwellings, %d days) in %.1f s%n",
          readings, settings.dwellings(), settings.days(), (written - start) / 1e9);
      Rollups.Run run = new Rollups(database, ZONE).runOnce();
      long rolled = System.nanoTime();
      progress.printf(
          "releve bench dashboard: rolled up %d devices in %.1f s; starting the portal%n",
          run.devices(), (rolled - written) / 1e9);
      try (Portal portal = Portal.start(config(), database, Clock.systemUTC())) {
        URI base = portal.uri();
        List<Map<String, String>> sessions = new ArrayList<>();
        int residents = Math.min(settings.residents(), settings.dwellings());
        for (int i = 0; i < residents; i++) {
          // spread over the fleet: every site, first and last dwellings
          int dwelling = (int) ((long) i * (settings.dwellings() - 1) / Math.max(1, residents - 1));
          sessions.add(logIn(base, BenchBuilding.email(dwelling)));
        }
        // the login page, signed out: the portal's floor for a page on this machine
        List<Map<String, String>> signedOut = List.of(new LinkedHashMap<>());
        long baseline = percentile(time(base, signedOut, "/", "csrf", settings.requests()), 95);
        time(base, sessions, settings.path(), settings.expect(), settings.warmup());
        progress.printf(
            "releve bench dashboard: %d residents signed in; timing %d GETs of %s%n",
            residents, settings.requests(), settings.path());
        long[] nanos =
            time(base, sessions, settings.path(), settings.expect(), settings.requests());
        return new DashboardResult(
            settings.dwellings(),
            settings.days(),
            readings,
            (written - start) / 1e9,
            (rolled - written) / 1e9,
            residents,
            nanos,
            baseline);
      }
    }
  }

  private PortalConfig config() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path file = settings.folder().resolve("cloud.conf");
    Files.writeString(
        file,
        String.join(
            "\n",
            "database.path = cloud.db",
            "portal.listen = 127.0.0.1:" + port,
            "portal.base-url = http://localhost:" + port,
            "portal.mail.folder = mail",
            "portal.site-zone = " + ZONE.getId(),
            ""));
    return PortalConfig.load(file);
  }

  /** Signs in through the login form as a browser would; returns the session's cookies. */
  private Map<String, String> logIn(URI base, String email) throws Exception {
    Map<String, String> cookies = new LinkedHashMap<>();
    HttpResponse<String> form = send(base, cookies, HttpRequest.newBuilder(base.resolve("/")));
    Matcher csrf = CSRF.matcher(form.body());
    if (!csrf.find()) {
      throw new BenchFailure("the login page has no CSRF token (HTTP " + form.statusCode() + ")");
    }
    String body =
        "csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
            + "&email="
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(BenchBuilding.PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> login =
        send(
            base,
            cookies,
            HttpRequest.newBuilder(base.resolve("/connexion"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (login.statusCode() != 303) {
      throw new BenchFailure(
          "signing in as " + email + " answered HTTP " + login.statusCode() + ", not a redirect");
    }
    return cookies;
  }

  /** Times {@code count} GETs of {@code path}, the residents and the tabs in turn. */
  private long[] time(
      URI base, List<Map<String, String>> sessions, String path, String expect, int count)
      throws Exception {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      Map<String, String> cookies = sessions.get(i % sessions.size());
      String tab = path.equals("/") ? "" : TABS.get((i / sessions.size()) % TABS.size());
      HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path + tab));
      long start = System.nanoTime();
      HttpResponse<String> response = send(base, cookies, request);
      nanos[i] = System.nanoTime() - start;
      if (response.statusCode() != 200 || !response.body().contains(expect)) {
        throw new BenchFailure(
            "GET "
                + path
                + tab
                + " answered HTTP "
                + response.statusCode()
                + (response.statusCode() == 200 ? " without \"" + expect + "\"" : ""));
      }
    }
    return nanos;
  }

  private HttpResponse<String> send(
      URI base, Map<String, String> cookies, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach(
          (name, value) ->
              header
                  .append(header.length() == 0 ? "" : "; ")
                  .append(name)
                  .append('=')
                  .append(value));
      request.header("Cookie", header.toString());
    }
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String set : response.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      int equals = pair.indexOf('=');
      if (equals > 0) {
        cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
      }
    }
    return response;
  }

  /** The {@code p}th percentile (nearest rank) of {@code nanos}. */
  static long percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** The benchmark could not measure what it should: said on stderr, exit 1. */
  static final class BenchFailure extends Exception {
    BenchFailure(String message) {
      super(message);
    }
  }
}
