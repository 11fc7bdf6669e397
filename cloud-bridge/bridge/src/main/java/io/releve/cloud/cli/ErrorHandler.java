package io.releve.cloud.cli;

import io.releve.cloud.store.StoreException;
import io.releve.common.cli.CliException;
import io.releve.common.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.eclipse.paho.client.mqttv3.MqttException;
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
      return new UsageErrorHandler()
          .handleParseException(usage, parseResult.originalArgs().toArray(String[]::new));
    }
    int code = exitCodeOf(exception);
    commandLine.getErr().println("releve cloud: " + describe(exception));
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
    if (exception instanceof ConfigException) {
      return ExitCodes.CONFIG;
    }
    if (exception instanceof ParameterException) {
      return ExitCodes.USAGE;
    }
    if (exception instanceof MqttException) {
      return ExitCodes.UNAVAILABLE;
    }
    if (exception instanceof StoreException
        || exception instanceof IOException
        || exception instanceof UncheckedIOException) {
      return ExitCodes.IO_ERROR;
    }
    return ExitCodes.SOFTWARE;
  }

  private static String describe(Throwable exception) {
    if (exception instanceof MqttException mqtt) {
      return "the broker cannot be reached or refused us: "
          + mqtt.getMessage()
          + " (Paho reason "
          + mqtt.getReasonCode()
          + ")";
    }
    String message = exception.getMessage();
    if (message == null || message.isBlank()) {
      return exception.getClass().getSimpleName();
    }
    return message;
  }
}
