package io.releve.gateway.diag;

import io.releve.contract.CommandRequest;
import io.releve.gateway.config.BusConfig;
import io.releve.gateway.config.GatewayConfig;
import java.util.List;

/** Picks a configured bus from a request's {@code bus} argument. */
final class Buses {

  private Buses() {}

  /** The buses' names, for messages: {@code east, west}. */
  static String names(GatewayConfig config) {
    return String.join(", ", config.buses().stream().map(BusConfig::name).toList());
  }

  /** The bus named {@code name}: 404 when there is none. */
  static BusConfig named(GatewayConfig config, String name) throws CommandException {
    for (BusConfig bus : config.buses()) {
      if (bus.name().equals(name)) {
        return bus;
      }
    }
    throw CommandException.notFound(
        "No bus ["
            + name
            + "] on this gateway"
            + (config.buses().isEmpty() ? ", which has none." : "; its buses: " + names(config))
            + ".");
  }

  /** The bus the {@code bus} argument names, or the only one when it is absent. */
  static BusConfig select(GatewayConfig config, CommandRequest request) throws CommandException {
    String name = Args.optional(request, "bus");
    if (name != null) {
      return named(config, name);
    }
    List<BusConfig> buses = config.buses();
    if (buses.isEmpty()) {
      throw CommandException.notFound("This gateway has no wired bus.");
    }
    if (buses.size() > 1) {
      throw CommandException.badRequest(
          "Argument [bus] is required: this gateway has buses " + names(config) + ".");
    }
    return buses.get(0);
  }
}
