package io.releve.common.cli;

import io.releve.common.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Where a program's failures become one line on stderr and an exit code, the single place for each
 * CLI of the project. Wrong options print the problem and a hint to {@code --help}; a bug (an
 * exception no rule knows) also prints its stack trace.
 *
 * <p>The codes follow BSD {@code sysexits.h}, which systemd and installers' scripts understand
 * ({@code RestartPreventExitStatus=78}). A {@link CliException} carries its own code; then come the
 * program's rules, in the order they were added; then the configuration, usage and I/O failures
 * every program shares.
 */
public final class CliErrors
    implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {

  /** EX_USAGE: wrong options or arguments. */
  public static final int USAGE = 64;

  /** EX_SOFTWARE: a bug; the message and stack trace go to stderr. */
  public static final int SOFTWARE = 70;

  /** EX_IOERR: reading or writing failed (database, file). */
  public static final int IO_ERROR = 74;

  /** EX_CONFIG: the configuration is invalid; the message names file, key and value. */
  public static final int CONFIG = 78;

  private record Rule(Class<? extends Throwable> type, int exitCode) {}

  private final String program;
  private final List<Rule> rules = new ArrayList<>();
  private Function<Throwable, String> describe = CliErrors::message;

  private CliErrors(String program) {
    this.program = program;
  }

  /** The errors of {@code program}, the name that starts each line ({@code releve}). */
  public static CliErrors of(String program) {
    return new CliErrors(program);
  }

  /** Exits with {@code exitCode} on a {@code type} (or a subclass) before the shared rules. */
  public CliErrors exit(Class<? extends Throwable> type, int exitCode) {
    rules.add(new Rule(type, exitCode));
    return this;
  }

  /** Says the failure in the program's own words, for the exceptions it knows more about. */
  public CliErrors describing(Function<Throwable, String> describe) {
    this.describe = describe;
    return this;
  }

  /** Makes these rules {@code cli}'s handlers of wrong options, failures and exit codes. */
  public CommandLine install(CommandLine cli) {
    return cli.setExitCodeExceptionMapper(this)
        .setExecutionExceptionHandler(this)
        .setParameterExceptionHandler(this);
  }

  @Override
  public int getExitCode(Throwable exception) {
    if (exception instanceof CliException cli) {
      return cli.exitCode();
    }
    for (Rule rule : rules) {
      if (rule.type().isInstance(exception)) {
        return rule.exitCode();
      }
    }
    if (exception instanceof ConfigException) {
      return CONFIG;
    }
    if (exception instanceof ParameterException) {
      return USAGE;
    }
    if (exception instanceof IOException || exception instanceof UncheckedIOException) {
      return IO_ERROR;
    }
    return SOFTWARE;
  }

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    if (exception instanceof ParameterException usage) {
      // A command found a bad option value while validating it: same output as a parse error.
      return handleParseException(usage, parseResult.originalArgs().toArray(String[]::new));
    }
    int code = getExitCode(exception);
    PrintWriter err = commandLine.getErr();
    err.println(program + ": " + describe.apply(exception));
    if (code == SOFTWARE) {
      exception.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println(program + ": " + exception.getMessage());
    err.println(
        "Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return USAGE;
  }

  /** The exception's message, or its class's name when it has none. */
  public static String message(Throwable exception) {
    String message = exception.getMessage();
    if (message == null || message.isBlank()) {
      return exception.getClass().getSimpleName();
    }
    return message;
  }
}
