package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.sim.PtySlave;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** Only that the benchmark runs and reports; timing is not asserted (CI machines vary). */
@Timeout(60)
class BenchPollCommandTest {
  private static final Pattern RATIO = Pattern.compile("(?m)^ratio=(\\d+\\.\\d\\d)$");

  private static String run(StringWriter err, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    assertEquals(ExitCodes.OK, cli.execute(args), err::toString);
    return out.toString();
  }

  private static void assertReport(String text, String line) {
    assertTrue(text.contains("line=" + line + System.lineSeparator()), text);
    assertTrue(text.contains("meters=5" + System.lineSeparator()), text);
    assertTrue(text.contains("baud=9600" + System.lineSeparator()), text);
    assertTrue(text.contains("cycles=1" + System.lineSeparator()), text);
    // per meter SND_NKE and REQ_UD2, and one more REQ_UD2 for the heat meter's second telegram
    assertTrue(text.contains("telegrams=6" + System.lineSeparator()), text);
    if (line.equals("tcp")) {
      assertTrue(text.contains("requests=11" + System.lineSeparator()), text);
      assertTrue(text.contains("retries=0" + System.lineSeparator()), text);
    } else {
      // a pseudo-terminal on a loaded machine may make the master retry: counted, not hidden
      assertTrue(text.matches("(?s).*\\bretries=\\d+\\R.*"), text);
    }
    assertTrue(text.matches("(?s).*\\bcycle_s=\\d+\\.\\d{3}\\R.*"), text);
    assertTrue(text.matches("(?s).*\\bwire_s=\\d+\\.\\d{3}\\R.*"), text);
    assertTrue(text.matches("(?s).*\\boverhead_ms_per_meter=-?\\d+\\.\\d\\d\\R.*"), text);
    Matcher ratio = RATIO.matcher(text);
    assertTrue(ratio.find(), text);
    assertTrue(Double.parseDouble(ratio.group(1)) > 0, text);
    assertTrue(text.contains("target=1.10"), text);
  }

  @Test
  void benchPoll_smallBusOverTcp_printsCycleWireTimeRatioAndTarget() {
    String text = run(new StringWriter(), "bench", "poll", "--meters", "5", "--baud", "9600");
    assertReport(text, "tcp");
  }

  @Test
  void benchPoll_smallBusOverAPty_printsTheSameReport() {
    Assumptions.assumeTrue(PtySlave.socatAvailable(), "socat is not installed");
    String text =
        run(new StringWriter(), "bench", "poll", "--meters", "5", "--baud", "9600", "--pty");
    assertReport(text, "pty");
  }

  @Test
  void benchPoll_unsupportedBaud_isAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    assertEquals(ExitCodes.USAGE, cli.execute("bench", "poll", "--baud", "1200"));
    assertEquals(
        "releve: Baud rate [1200] for the benchmark must be 300, 2400 or 9600."
            + System.lineSeparator(),
        err.toString());
  }

  @Test
  void benchPoll_moreMetersThanPrimaryAddresses_isAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    assertEquals(ExitCodes.USAGE, cli.execute("bench", "poll", "--meters", "251"));
    assertEquals(
        "releve: Meters [251] must lie between 1 and 250." + System.lineSeparator(),
        err.toString());
  }
}
