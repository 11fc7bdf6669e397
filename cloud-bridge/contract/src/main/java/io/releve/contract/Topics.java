package io.releve.contract;

import java.util.Objects;

/**
 * The MQTT topics of contract v1, all under {@value #ROOT}/{gateway}. The one place topic strings
 * are made: publishers and subscribers on both sides call these, and {@link TopicName#parse} reads
 * them back.
 *
 * <table>
 *   <caption>Topics</caption>
 *   <tr><th>topic</th><th>from</th><th>payload</th></tr>
 *   <tr><td>{@code releve/v1/{gw}/status}</td><td>gateway, retained</td><td>{@link Status}</td></tr>
 *   <tr><td>{@code releve/v1/{gw}/up/readings}</td><td>gateway</td><td>{@link ReadingsMessage}</td></tr>
 *   <tr><td>{@code releve/v1/{gw}/up/events}</td><td>gateway</td><td>{@link EventsMessage}</td></tr>
 *   <tr><td>{@code releve/v1/{gw}/up/inventory}</td><td>gateway</td><td>{@link InventoryMessage}</td></tr>
 *   <tr><td>{@code releve/v1/{gw}/down/ack}</td><td>bridge</td><td>{@link Ack}</td></tr>
 *   <tr><td>{@code releve/v1/{gw}/cmd/{name}/req/{id}}</td><td>technician</td><td>{@link CommandRequest}</td></tr>
 *   <tr><td>{@code releve/v1/{gw}/cmd/{name}/res/{id}}</td><td>gateway</td><td>{@link CommandResponse}</td></tr>
 * </table>
 */
public final class Topics {

  /** The topic root of contract v1; version 2 will live under {@code releve/v2}. */
  public static final String ROOT = "releve/v" + Contract.VERSION;

  /** Every gateway's up topics: what the bridge ingests (through {@link #sharedUp}). */
  public static final String UP_ALL = ROOT + "/+/up/#";

  /**
   * Every gateway's retained status. The bridge subscribes to it plainly, never through a shared
   * subscription: MQTT 5 does not deliver retained messages to a new shared subscription.
   */
  public static final String STATUS_ALL = ROOT + "/+/status";

  private Topics() {}

  /** Retained birth ({@code online}) and last will ({@code offline}) of a gateway. */
  public static String status(GatewayId gateway) {
    return TopicName.status(gateway).topic();
  }

  public static String upReadings(GatewayId gateway) {
    return TopicName.of(gateway, TopicName.Kind.UP_READINGS).topic();
  }

  public static String upEvents(GatewayId gateway) {
    return TopicName.of(gateway, TopicName.Kind.UP_EVENTS).topic();
  }

  public static String upInventory(GatewayId gateway) {
    return TopicName.of(gateway, TopicName.Kind.UP_INVENTORY).topic();
  }

  /** Where the bridge acknowledges a gateway's rows; the gateway subscribes to it. */
  public static String downAck(GatewayId gateway) {
    return TopicName.of(gateway, TopicName.Kind.DOWN_ACK).topic();
  }

  /**
   * A technician's request.
   *
   * @param id the correlation id, chosen by the asker and repeated in the response topic: 1 to 64
   *     letters, digits, hyphens or underscores
   * @throws ContractException when {@code id} is not valid
   */
  public static String commandRequest(GatewayId gateway, Command command, String id) {
    return TopicName.commandRequest(gateway, command, id).topic();
  }

  /** The gateway's answer to {@link #commandRequest} with the same command and id. */
  public static String commandResponse(GatewayId gateway, Command command, String id) {
    return TopicName.commandResponse(gateway, command, id).topic();
  }

  /** Every command request to one gateway: what the gateway subscribes to. */
  public static String commandRequests(GatewayId gateway) {
    Objects.requireNonNull(gateway, "gateway");
    return ROOT + "/" + gateway + "/cmd/+/req/+";
  }

  /**
   * {@link #UP_ALL} as an MQTT shared subscription, {@code $share/{group}/releve/v1/+/up/#}: the
   * broker hands each message to one of the group's bridge instances. Paho never calls
   * per-subscription listeners for {@code $share} filters: use the client-wide callback.
   *
   * @param group the share name: not empty, without {@code /}, {@code +} or {@code #}
   * @throws ContractException naming the group and its first bad character
   */
  public static String sharedUp(String group) {
    Objects.requireNonNull(group, "group");
    if (group.isEmpty()) {
      throw new ContractException("Share group [] must not be empty.");
    }
    for (int i = 0; i < group.length(); i++) {
      char c = group.charAt(i);
      if (c == '/' || c == '+' || c == '#') {
        throw new ContractException(
            "Share group ["
                + group
                + "] must not contain /, + or #, found ["
                + c
                + "] at index "
                + i
                + ".");
      }
    }
    return "$share/" + group + "/" + UP_ALL;
  }
}
