package io.releve.gateway.diag;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.common.config.ConfigException;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import io.releve.gateway.config.GatewayConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code config-get}: the configuration the gateway runs with, as {@code {"key": "value", …}} by
 * key, defaults filled in and secrets redacted ({@link ConfigView}). Argument {@code key}: only
 * that key.
 */
public final class ConfigGetHandler implements CommandHandler {

  private final GatewayConfig config;

  public ConfigGetHandler(GatewayConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public Set<String> arguments() {
    return Set.of("key");
  }

  @Override
  public CommandResponse answer(CommandRequest request) throws CommandException {
    Map<String, String> values;
    try {
      values = ConfigView.effective(config);
    } catch (ConfigException e) {
      throw CommandException.failed(e.getMessage());
    }
    String key = Args.optional(request, "key");
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (key == null) {
      values.forEach(body::put);
    } else if (values.containsKey(key)) {
      body.put(key, values.get(key));
    } else {
      throw CommandException.notFound(
          "No configuration key [" + key + "]; config-get without a key lists them all.");
    }
    return CommandDesk.ok(body);
  }
}
