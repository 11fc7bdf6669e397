package io.releve.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.common.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

class CliErrorsTest {

  /** A program whose one command throws what {@code --fail} names. */
  @Command(name = "tool", mixinStandardHelpOptions = true, subcommands = Run.class)
  static final class Tool {}

  @Command(name = "run")
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--fail")
    String fail = "";

    @Option(names = "--count")
    int count;

    @Override
    public Integer call() throws Exception {
      switch (fail) {
        case "cli" -> throw new CliException(3, "the gateway said no");
        case "known" -> throw new IllegalStateException("the stick is unplugged");
        case "config" ->
            throw new ConfigException("tool.conf line 4: poll.interval = x is not a duration");
        case "io" -> throw new UncheckedIOException(new IOException("disk full"));
        case "bug" -> throw new NullPointerException();
        case "option" ->
            throw new ParameterException(spec.commandLine(), "--count must be positive");
        default -> {
          return 0;
        }
      }
    }
  }

  private record Outcome(int code, String err) {}

  private static Outcome run(CliErrors errors, String... args) {
    CommandLine cli = errors.install(new CommandLine(new Tool()));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    return new Outcome(cli.execute(args), err.toString());
  }

  @Test
  void aCliException_exitsWithItsOwnCode_andPrintsOnlyItsMessage() {
    Outcome outcome = run(CliErrors.of("tool"), "run", "--fail", "cli");
    assertEquals(3, outcome.code());
    assertEquals("tool: the gateway said no" + System.lineSeparator(), outcome.err());
  }

  @Test
  void aProgramsOwnRule_comesBeforeTheSharedOnes_andAnExceptionNoRuleKnowsIsABugWithItsTrace() {
    Outcome known =
        run(CliErrors.of("tool").exit(IllegalStateException.class, 69), "run", "--fail", "known");
    assertEquals(69, known.code());
    assertEquals("tool: the stick is unplugged" + System.lineSeparator(), known.err());

    Outcome unknown = run(CliErrors.of("tool"), "run", "--fail", "known");
    assertEquals(CliErrors.SOFTWARE, unknown.code());
    assertTrue(unknown.err().startsWith("tool: the stick is unplugged"), unknown.err());
    assertTrue(unknown.err().contains("\tat "), "a bug prints its stack trace: " + unknown.err());
  }

  @Test
  void configurationAndIoFailures_exitWithTheirSysexitsCodes_withoutAStackTrace() {
    Outcome config = run(CliErrors.of("tool"), "run", "--fail", "config");
    assertEquals(CliErrors.CONFIG, config.code());
    assertTrue(config.err().contains("poll.interval"), config.err());
    assertFalse(config.err().contains("\tat "), config.err());

    Outcome io = run(CliErrors.of("tool"), "run", "--fail", "io");
    assertEquals(CliErrors.IO_ERROR, io.code());
    assertEquals("tool: java.io.IOException: disk full" + System.lineSeparator(), io.err());
  }

  @Test
  void anExceptionWithoutMessage_isNamedByItsClass() {
    Outcome bug = run(CliErrors.of("tool"), "run", "--fail", "bug");
    assertEquals(CliErrors.SOFTWARE, bug.code());
    assertTrue(bug.err().startsWith("tool: NullPointerException"), bug.err());
  }

  @Test
  void theProgramsOwnWords_replaceTheMessage() {
    Outcome outcome =
        run(
            CliErrors.of("tool")
                .exit(IllegalStateException.class, 69)
                .describing(e -> "no radio: " + CliErrors.message(e)),
            "run",
            "--fail",
            "known");
    assertEquals("tool: no radio: the stick is unplugged" + System.lineSeparator(), outcome.err());
  }

  @Test
  void wrongOptions_whetherParsedOrFoundByTheCommand_printAHintToHelp_andExit64() {
    String hint = "Try 'tool run --help' for more information.";
    Outcome parsed = run(CliErrors.of("tool"), "run", "--count", "many");
    assertEquals(CliErrors.USAGE, parsed.code());
    assertTrue(parsed.err().startsWith("tool: Invalid value for option '--count'"), parsed.err());
    assertTrue(parsed.err().contains(hint), parsed.err());

    Outcome validated = run(CliErrors.of("tool"), "run", "--fail", "option");
    assertEquals(CliErrors.USAGE, validated.code());
    assertEquals(
        "tool: --count must be positive" + System.lineSeparator() + hint + System.lineSeparator(),
        validated.err());
  }
}
