package io.releve.gateway.sim.building;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One wired bus of the simulated building as plain data: its name, speed, the slaves' reply delay
 * and the meters on it with their primary addresses. Whoever runs the simulator turns a plan into
 * virtual slaves behind a TCP port or a pseudo-terminal; the plan itself opens nothing.
 *
 * @param name the bus name, usable as a gateway bus name ({@code bus.NAME.…}): lower-case letters,
 *     digits, dashes
 * @param baud 300, 2400 or 9600
 * @param replyDelayBits how long a slave waits before answering, in bit times at {@code baud}
 * @param slaves the meters, in polling order; primary addresses unique on the bus
 */
public record BusPlan(String name, int baud, int replyDelayBits, List<PlannedSlave> slaves) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  public BusPlan {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Bus name [" + name + "] must be lower-case letters, digits, dashes or underscores.");
    }
    slaves = List.copyOf(slaves);
    Map<Integer, PlannedSlave> byAddress = new HashMap<>();
    for (PlannedSlave slave : slaves) {
      PlannedSlave other = byAddress.putIfAbsent(slave.primaryAddress(), slave);
      if (other != null) {
        throw new IllegalArgumentException(
            "Bus ["
                + name
                + "]: primary address "
                + slave.primaryAddress()
                + " is given to "
                + other.meter()
                + " and to "
                + slave.meter()
                + ".");
      }
    }
  }
}
