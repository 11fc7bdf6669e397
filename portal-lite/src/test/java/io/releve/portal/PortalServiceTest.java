package io.releve.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.spi.CloudContext;
import io.releve.cloud.spi.CloudService;
import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings;
import io.releve.common.config.ConfigException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal as {@code releve cloud} starts it: found on the class path, on a real SQLite store.
 */
@Timeout(60)
class PortalServiceTest {

  @TempDir Path dir;

  private Database database;

  @BeforeEach
  void openStore() {
    database = Database.open(new StoreSettings.Sqlite(dir.resolve("cloud.db")), Clock.systemUTC());
  }

  @AfterEach
  void closeStore() {
    database.close();
  }

  private static CloudService portalService() {
    return ServiceLoader.load(CloudService.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(service -> service.name().equals("portal"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no portal service on the class path"));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private Path config(String... lines) throws Exception {
    Path file = dir.resolve("cloud.conf");
    Files.writeString(file, "database.path = cloud.db\n" + String.join("\n", lines) + "\n");
    return file;
  }

  private CloudContext context(Path file) {
    return new CloudContext(file, database, Clock.systemUTC());
  }

  @Test
  void start_fromTheClassPath_answersTheHomePageInFrench() throws Exception {
    int port = freePort();
    Path file =
        config(
            "portal.listen = 127.0.0.1:" + port,
            "portal.base-url = http://localhost:" + port,
            "portal.mail.folder = outbox");

    try (CloudService.Running running = portalService().start(context(file))) {
      assertEquals("portal at http://localhost:" + port, running.describe());
      HttpResponse<String> home =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                  HttpResponse.BodyHandlers.ofString());

      assertEquals(200, home.statusCode());
      assertEquals(
          "text/html; charset=utf-8", home.headers().firstValue("Content-Type").orElse(""));
      assertTrue(home.body().contains("Portail Relevé"), home.body());
    }
  }

  @Test
  void close_afterStart_freesThePort() throws Exception {
    int port = freePort();
    Path file = config("portal.listen = 127.0.0.1:" + port);

    portalService().start(context(file)).close();

    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertEquals(port, again.getLocalPort());
    }
  }

  @Test
  void start_portalDisabled_listensNowhere() throws Exception {
    int port = freePort();
    Path file = config("portal.enabled = false", "portal.listen = 127.0.0.1:" + port);

    try (CloudService.Running running = portalService().start(context(file))) {
      assertEquals("portal disabled (portal.enabled = false)", running.describe());
      try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertEquals(port, free.getLocalPort());
      }
    }
  }

  @Test
  void start_badListen_failsNamingFileKeyLineAndValue() throws Exception {
    Path file = config("portal.listen = localhost");

    ConfigException e =
        assertThrows(ConfigException.class, () -> portalService().start(context(file)));

    assertTrue(
        e.getMessage()
            .startsWith(
                file + ": key [portal.listen] (line 2) has value [localhost]: must be HOST:PORT"),
        e.getMessage());
  }

  @Test
  void start_unknownPortalKey_isRefused() throws Exception {
    Path file = config("portal.x = 1");

    ConfigException e =
        assertThrows(ConfigException.class, () -> portalService().start(context(file)));

    assertTrue(e.getMessage().contains("key [portal.x] (line 2)"), e.getMessage());
    assertTrue(e.getMessage().contains("is not a known setting"), e.getMessage());
  }

  @Test
  void start_badMailSetting_neverShowsThePassword() throws Exception {
    Files.writeString(dir.resolve("smtp.secret"), "Tr3s-Secret!\n");
    Path file =
        config(
            "portal.mail.smtp-host = smtp.exemple.fr",
            "portal.mail.username = releve",
            "portal.mail.password-file = smtp.secret",
            "portal.mail.smtp-port = 99999");

    ConfigException e =
        assertThrows(ConfigException.class, () -> portalService().start(context(file)));

    assertTrue(e.getMessage().contains("key [portal.mail.smtp-port] (line 5)"), e.getMessage());
    assertFalse(e.getMessage().contains("Tr3s-Secret!"), e.getMessage());
  }

  @Test
  void start_portInUse_failsNamingTheAddress() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Path file = config("portal.listen = 127.0.0.1:" + taken.getLocalPort());

      Exception e = assertThrows(Exception.class, () -> portalService().start(context(file)));

      assertTrue(
          e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort()),
          e.getMessage());
    }
  }
}
