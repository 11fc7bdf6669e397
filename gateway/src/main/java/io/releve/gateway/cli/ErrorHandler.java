package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.common.config.ConfigException;
import io.releve.gateway.bench.DrainFailedException;
import io.releve.gateway.bench.MissingPieceException;
import io.releve.gateway.store.InventoryException;
import io.releve.gateway.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps every exception a command throws to one line on stderr and an exit code: the single place
 * where failures become exit codes. Bugs also print their stack trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    if (exception instanceof ParameterException usage) {
      // A command found a bad option value while validating it: same output as a parse error.
      return new UsageErrorHandler()
          .handleParseException(usage, parseResult.originalArgs().toArray(String[]::new));
    }
    int code = exitCodeOf(exception);
    commandLine.getErr().println("releve: " + describe(exception));
    if (code == ExitCodes.SOFTWARE) {
      exception.printStackTrace(commandLine.getErr());
    }
    commandLine.getErr().flush();
    return code;
  }

  static int exitCodeOf(Throwable exception) {
    if (exception instanceof CliException cli) {
      return cli.exitCode();
    }
    if (exception instanceof MissingPieceException) {
      return ExitCodes.UNAVAILABLE;
    }
    if (exception instanceof DrainFailedException) {
      return ExitCodes.FAILURE;
    }
    if (exception instanceof ConfigException) {
      return ExitCodes.CONFIG;
    }
    if (exception instanceof ParameterException) {
      return ExitCodes.USAGE;
    }
    if (exception instanceof InventoryException) {
      return ExitCodes.DATA_ERROR;
    }
    if (exception instanceof StoreException) {
      return ExitCodes.IO_ERROR;
    }
    if (exception instanceof IOException || exception instanceof UncheckedIOException) {
      return ExitCodes.IO_ERROR;
    }
    return ExitCodes.SOFTWARE;
  }

  private static String describe(Throwable exception) {
    String message = exception.getMessage();
    if (message == null || message.isBlank()) {
      return exception.getClass().getSimpleName();
    }
    return message;
  }
}
