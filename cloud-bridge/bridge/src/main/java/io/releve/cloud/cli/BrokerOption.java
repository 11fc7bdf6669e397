package io.releve.cloud.cli;

import io.releve.cloud.config.CloudConfig;
import io.releve.cloud.config.MqttSettings;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --broker URI}: another broker than the configuration's {@code mqtt.uri}. */
final class BrokerOption {

  private static final Pattern URI = Pattern.compile("(tcp|ssl)://[^/\\s@]+:[0-9]{1,5}");

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--broker",
      paramLabel = "URI",
      description = "The broker, as tcp://HOST:PORT or ssl://HOST:PORT (default: mqtt.uri).")
  String uri;

  /** The configuration's MQTT settings, with this option's broker when given. */
  MqttSettings apply(CloudConfig config) {
    if (uri == null) {
      return config.mqtt();
    }
    if (!URI.matcher(uri).matches()) {
      throw new ParameterException(
          spec.commandLine(), "--broker [" + uri + "] must be tcp://HOST:PORT or ssl://HOST:PORT.");
    }
    return config.mqtt().withUri(uri);
  }
}
