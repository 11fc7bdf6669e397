package io.releve.cloud.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IngestCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void moreBatchesInFlightThanMosquittoQueuesForTheBridge_isAUsageError() {
    assertEquals(ExitCodes.USAGE, run("ingest", "--gateways", "200", "--window", "8"));
    assertTrue(
        err.toString().contains("--gateways × --window [1600] must be at most 1000"),
        err::toString);
  }

  @Test
  void aDatabaseUrlWithoutItsUser_isAUsageError() {
    assertEquals(
        ExitCodes.USAGE, run("ingest", "--database-url", "jdbc:postgresql://127.0.0.1/releve"));
    assertTrue(err.toString().contains("go together"), err::toString);
  }

  @Test
  void aDatabaseUrlNamingASchema_isRefused_sinceEachPhaseMakesItsOwn() {
    assertEquals(
        ExitCodes.USAGE,
        run(
            "ingest",
            "--database-url",
            "jdbc:postgresql://127.0.0.1/releve?currentSchema=x",
            "--database-user",
            "releve"));
    assertTrue(err.toString().contains("must not name a schema"), err::toString);
  }

  @Test
  void anUnknownPhase_isAUsageError() {
    assertEquals(ExitCodes.USAGE, run("ingest", "--phase", "three"));
  }

  @Test
  void withoutABenchmark_theUsageSaysWhichThereAre() {
    assertEquals(ExitCodes.USAGE, run());
    assertTrue(err.toString().contains("Name a benchmark: ingest."), err::toString);
  }

  @Test
  void theHelp_namesEveryOption() {
    assertEquals(ExitCodes.OK, run("ingest", "--help"));
    for (String option :
        new String[] {
          "--gateways",
          "--batches",
          "--batch-size",
          "--window",
          "--timeout",
          "--broker",
          "--database-url",
          "--database-user",
          "--phase",
          "--connections",
          "--quick"
        }) {
      assertTrue(out.toString().contains(option), option);
    }
  }
}
