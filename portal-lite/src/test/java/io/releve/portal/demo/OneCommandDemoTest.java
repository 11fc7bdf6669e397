package io.releve.portal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.releve.portal.Visitor;
import io.releve.portal.enrol.Walk;
import io.releve.testkit.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's demo, briefly: {@code releve demo} with the cloud's classes runs the simulated
 * building, the gateway, the embedded broker, the bridge and the portal; a newcomer follows what it
 * prints (enrols as the resident of the leaking flat, opens the activation link it prints) and
 * finds the readings and the leak alert on the portal. SIGTERM then stops the gateway and the
 * cloud; SIGKILL of the demo stops the cloud too.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OneCommandDemoTest {

  private static final Pattern SERIAL = Pattern.compile("dwelling +serial number (\\S+)");
  private static final Pattern SITE = Pattern.compile("residence code (\\S+)");
  private static final Pattern MOVE_IN =
      Pattern.compile("move-in date +\\S+ \\((\\d{4}-\\d\\d-\\d\\d)\\)");
  private static final String PASSWORD = "Demo-2026!x";

  /** The history the newcomer's portal gets: enough for the leak detector, short for the test. */
  private static final String HISTORY_DAYS = "4";

  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path folder;

  private Process demo;
  private final List<String> printed = new CopyOnWriteArrayList<>();

  /** SIGTERM first: the demo's hook stops the gateway, then the cloud, each cleanly. */
  @AfterEach
  void stopDemo() throws Exception {
    if (demo != null && demo.isAlive()) {
      demo.destroy();
      if (!demo.waitFor(60, TimeUnit.SECONDS)) {
        demo.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aNewcomer_enrolsAsTheLeakingFlatsResident_andSeesItsReadingsAndItsLeakAlert()
      throws Exception {
    int portalPort = freePort();
    int brokerPort = freePort();
    Path stderr = folder.resolve("demo.err");
    startDemo(stderr, portalPort, brokerPort, HISTORY_DAYS);
    String site = awaitPrinted(SITE, stderr);
    String serial = awaitPrinted(SERIAL, stderr);
    String moveIn = awaitPrinted(MOVE_IN, stderr);

    Visitor resident = new Visitor(URI.create("http://localhost:" + portalPort));
    HttpResponse<String> sent =
        Walk.enrol(resident, site, "occupant", "serial", serial, "resident@demo.example", moveIn);
    assertEquals(303, sent.statusCode(), sent.body());
    String link =
        awaitPrinted(
            Pattern.compile(
                "mail to resident@demo\\.example: (http://localhost:"
                    + portalPort
                    + "/activation\\?token=\\S+)"),
            stderr);
    assertEquals(303, Walk.activate(resident, link, PASSWORD).statusCode());

    String alerts = awaitPage(resident, "/alertes", "Fuite de niveau 3");
    assertTrue(alerts.contains(serial), alerts);
    String home = resident.get("/accueil").body();
    assertTrue(home.contains("id=\"indexes\""), home);
    assertTrue(home.contains(serial), "the leaking meter's index on the home page: " + home);
    assertTrue(home.contains("m³"), home);

    Visitor manager = new Visitor(URI.create("http://localhost:" + portalPort));
    String managerLink =
        awaitPrinted(
            Pattern.compile(
                "mail to gestion@demo\\.example: (http://\\S+/activation\\?token=\\S+)"),
            stderr);
    assertEquals(303, Walk.activate(manager, managerLink, PASSWORD).statusCode());
    String sites = manager.get("/gestion").body();
    assertTrue(sites.contains("12 rue des Compteurs"), sites);
    assertTrue(sites.contains(">A03<"), "the leaking flat among the manager's dwellings: " + sites);

    demo.destroy();
    assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "the demo stops on SIGTERM");
    String errors = Files.readString(stderr, StandardCharsets.UTF_8);
    assertFalse(errors.contains("\tat "), "no stack trace on stderr: " + errors);
    assertFalse(listening(portalPort), "the portal stopped with the demo");
    assertFalse(listening(brokerPort), "the broker stopped with the demo");
    String cloudLog =
        Files.readString(folder.resolve("data/cloud/cloud.log"), StandardCharsets.UTF_8);
    assertFalse(
        withoutBrokerInternals(cloudLog).contains("\tat "),
        "no stack trace in the cloud's log: " + cloudLog);
  }

  @Test
  void theDemoKilled_takesItsCloudSideWithIt() throws Exception {
    int portalPort = freePort();
    int brokerPort = freePort();
    Path stderr = folder.resolve("demo.err");
    startDemo(stderr, portalPort, brokerPort, "1");
    awaitPrinted(SITE, stderr);
    assertTrue(listening(portalPort), "the portal serves");

    // SIGKILL: no shutdown hook runs; the cloud watches the demo's process and stops with it
    demo.destroyForcibly();
    assertTrue(demo.waitFor(30, TimeUnit.SECONDS));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while ((listening(portalPort) || listening(brokerPort)) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }

    assertFalse(listening(portalPort), "the portal stopped with the killed demo");
    assertFalse(listening(brokerPort), "the broker stopped with the killed demo");
    String cloudLog =
        Files.readString(folder.resolve("data/cloud/cloud.log"), StandardCharsets.UTF_8);
    assertTrue(cloudLog.contains("ended: stopping with it"), cloudLog);
  }

  /** {@code releve demo} on the checkout's building, with the cloud's classes, read meanwhile. */
  private void startDemo(Path stderr, int portalPort, int brokerPort, String historyDays)
      throws IOException {
    demo =
        ChildJvm.start(
            io.releve.gateway.cli.Main.class,
            stderr,
            "demo",
            "--building",
            building().toString(),
            "--data",
            folder.resolve("data").toString(),
            "--cloud-classpath",
            System.getProperty("java.class.path"),
            "--portal-port",
            String.valueOf(portalPort),
            "--broker-port",
            String.valueOf(brokerPort),
            "--history-days",
            historyDays,
            "--history-months",
            "1");
    readInBackground(demo);
  }

  /** The page once it shows {@code text}: the gateway's outbox reaches the portal meanwhile. */
  private String awaitPage(Visitor v, String path, String text) throws Exception {
    long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      body = v.get(path).body();
      if (body.contains(text)) {
        return body;
      }
      Thread.sleep(500);
    }
    return fail(path + " never showed [" + text + "] within " + DELIVERY_TIMEOUT + ": " + body);
  }

  /** The first group of the first line the demo printed that matches, waiting for it. */
  private String awaitPrinted(Pattern pattern, Path stderr) throws Exception {
    long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : printed) {
        Matcher match = pattern.matcher(line);
        if (match.find()) {
          return match.group(1);
        }
      }
      if (!demo.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    return fail(
        "the demo never printed "
            + pattern
            + (demo.isAlive() ? "" : " (it ended with exit " + demo.exitValue() + ")")
            + "; stdout: "
            + printed
            + "; stderr: "
            + Files.readString(stderr, StandardCharsets.UTF_8));
  }

  private void readInBackground(Process process) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  printed.add(line);
                }
              } catch (IOException e) {
                printed.add("(stdout could not be read: " + e + ")");
              }
            },
            "demo-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** The checkout's simulated building, the one the README's demo runs. */
  private static Path building() {
    Path file = Path.of("..", "config", "simulated-building.conf");
    assertTrue(Files.isRegularFile(file), "the simulated building at " + file.toAbsolutePath());
    return file;
  }

  /**
   * The log without what the embedded broker's own classes ({@code io.moquette}, logged as {@code
   * i.m.}) report with their stack traces: a netty buffer released twice as the broker stops is
   * theirs, not ours.
   */
  private static String withoutBrokerInternals(String log) {
    StringBuilder kept = new StringBuilder();
    boolean broker = false;
    for (String line : log.lines().toList()) {
      if (line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")) {
        broker = line.matches("\\S+ +\\S+ +i\\.m\\..*");
      }
      if (!broker) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (ConnectException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
