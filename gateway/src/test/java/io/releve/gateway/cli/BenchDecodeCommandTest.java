package io.releve.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Only that the benchmark runs and reports; timing is not asserted (CI machines vary). */
class BenchDecodeCommandTest {

  @Test
  void benchDecode_shortRun_printsThroughputsRatioAndTarget() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    assertEquals(ExitCodes.OK, cli.execute("bench", "decode", "--seconds", "0.2"));
    String text = out.toString();
    assertTrue(text.contains("jmbus_frames_per_s="), text);
    assertTrue(text.contains("releve_frames_per_s="), text);
    assertTrue(text.matches("(?s).*\\bratio=\\d+\\.\\d\\d\\R.*"), text);
    assertTrue(text.contains("target=0.90"), text);
  }

  @Test
  void benchDecode_negativeSeconds_isAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    assertEquals(ExitCodes.USAGE, cli.execute("bench", "decode", "--seconds", "-1"));
    assertEquals(
        "releve: --seconds [-1.0] must lie between 0 and 3600." + System.lineSeparator(),
        err.toString());
  }
}
