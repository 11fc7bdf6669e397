package io.releve.cloud.cli;

import io.releve.cloud.config.CloudConfig;
import io.releve.cloud.config.MqttSettings;
import io.releve.cloud.diag.Answer;
import io.releve.cloud.diag.DiagClient;
import io.releve.contract.Command;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import io.releve.contract.ContractException;
import io.releve.contract.GatewayId;
import io.releve.contract.Status;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code releve diag GATEWAY COMMAND [NAME=VALUE…]}: the technicians' client. Prints the body of
 * the gateway's answer as JSON on stdout and its code on stderr; the exit code says how it went
 * (see {@link ExitCodes}).
 */
@CommandLine.Command(
    name = "diag",
    mixinStandardHelpOptions = true,
    description = {
      "Asks a gateway for a diagnostic and prints its answer.",
      "",
      "Runs one command of the allow-list on the gateway: the answer's body goes to stdout as"
          + " JSON, its code to stderr. Exit 0 for 200, 2 for a 4xx answer, 3 for a 5xx one, 75"
          + " when no answer comes within the timeout (the gateway may be offline), 69 when the"
          + " broker cannot be reached, 64 for an unknown command or a bad argument."
    })
final class DiagCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ConfigOption config;
  @Mixin BrokerOption broker;

  @Parameters(index = "0", paramLabel = "GATEWAY", description = "The gateway id (rl042-gw1).")
  String gateway;

  @Parameters(
      index = "1",
      paramLabel = "COMMAND",
      description = "ping, status, read, scan, log-tail, queue or config-get.")
  String command;

  @Parameters(
      index = "2..*",
      paramLabel = "NAME=VALUE",
      description = "The command's arguments, such as meter=SEN-12345601-68-16.")
  List<String> arguments = List.of();

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long to wait for the answer: 30s, 2m, 500ms (default 30s).")
  Duration timeout = Duration.ofSeconds(30);

  @Override
  public Integer call() throws Exception {
    GatewayId id = gatewayId();
    Command named = command();
    CommandRequest request = request();
    MqttSettings settings = settings();
    Answer answer = DiagClient.ask(settings, id, named, request, timeout);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (answer instanceof Answer.Answered answered) {
        CommandResponse response = answered.response();
        out.println(StatusCommand.JSON.writeValueAsString(response.body()));
        err.println(
            "releve diag: "
                + id
                + " answered "
                + named.wireName()
                + " with "
                + response.code()
                + " in "
                + seconds(answered.elapsed())
                + ".");
        return exitCode(response.code());
      }
      if (answer instanceof Answer.BadAnswer bad) {
        err.println("releve diag: " + bad.reason());
        return ExitCodes.DATA_ERROR;
      }
      Answer.NoAnswer none = (Answer.NoAnswer) answer;
      err.println(
          "releve diag: no answer from "
              + id
              + " within "
              + seconds(timeout)
              + ". "
              + presence(none));
      return ExitCodes.NO_ANSWER;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * 0 for 2xx, {@link ExitCodes#GATEWAY_REFUSED} for 4xx, {@link ExitCodes#GATEWAY_FAILED} else.
   */
  static int exitCode(int code) {
    if (code >= 200 && code < 300) {
      return ExitCodes.OK;
    }
    return code >= 400 && code < 500 ? ExitCodes.GATEWAY_REFUSED : ExitCodes.GATEWAY_FAILED;
  }

  private static String presence(Answer.NoAnswer none) {
    if (none.lastStatus().isEmpty()) {
      return "It has never published a status on this broker: is the gateway id right?";
    }
    Status status = none.lastStatus().get();
    if (status.state() == Status.State.OFFLINE) {
      return "It is offline: its last status says so, for a session begun at "
          + status.at()
          + " (software "
          + status.software()
          + ").";
    }
    return "Its status says online since "
        + status.at()
        + ": it may be busy, or slower than --timeout.";
  }

  private GatewayId gatewayId() {
    try {
      return GatewayId.of(gateway);
    } catch (ContractException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private Command command() {
    try {
      return Command.fromWireName(command);
    } catch (ContractException e) {
      String allowed =
          Arrays.stream(Command.values()).map(Command::wireName).collect(Collectors.joining(", "));
      throw new ParameterException(
          spec.commandLine(),
          "Unknown command [" + command + "]: a gateway answers only " + allowed + ".");
    }
  }

  private CommandRequest request() {
    Map<String, String> args = new LinkedHashMap<>();
    for (String argument : arguments) {
      int equals = argument.indexOf('=');
      if (equals <= 0) {
        throw new ParameterException(
            spec.commandLine(),
            "Argument ["
                + argument
                + "] must have the form NAME=VALUE, such as meter=SEN-12345601-68-16.");
      }
      args.put(argument.substring(0, equals), argument.substring(equals + 1));
    }
    try {
      return new CommandRequest(args);
    } catch (ContractException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The configuration's broker; without a configuration file, {@code --broker} alone will do. */
  private MqttSettings settings() throws Exception {
    if (broker.uri != null && !Files.exists(config.path())) {
      return MqttSettings.plain(broker.uri, "releve-diag");
    }
    CloudConfig cloud = config.load();
    return broker.apply(cloud);
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
  }

  /** {@code 30s}, {@code 2m}, {@code 500ms}, or a number of seconds. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("([0-9]{1,6})(ms|s|m)?").matcher(value);
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "must be a number followed by ms, s or m (such as 30s), found [" + value + "]");
      }
      long amount = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      Duration d =
          switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
          };
      if (d.isZero()) {
        throw new CommandLine.TypeConversionException(
            "must be more than zero, found [" + value + "]");
      }
      return d;
    }
  }
}
