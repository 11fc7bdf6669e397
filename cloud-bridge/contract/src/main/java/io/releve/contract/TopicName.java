package io.releve.contract;

import java.util.Objects;

/**
 * A topic of contract v1, read into its parts: which gateway, which kind of topic and, for the
 * command topics, which command and which correlation id.
 *
 * @param gateway the gateway the topic is about
 * @param kind which topic of the gateway
 * @param command for {@link Kind#COMMAND_REQUEST} and {@link Kind#COMMAND_RESPONSE}, the command;
 *     null otherwise
 * @param commandId for the command topics, the correlation id; null otherwise
 */
public record TopicName(GatewayId gateway, Kind kind, Command command, String commandId) {

  /** The longest correlation id: enough for a UUID or a ULID with a prefix. */
  public static final int MAX_COMMAND_ID_LENGTH = 64;

  private static final String PREFIX = Topics.ROOT + "/";

  private static final String COMMAND = "cmd";

  /** The topics of one gateway, each with the payload it carries. */
  public enum Kind {
    STATUS("status", Status.class),
    UP_READINGS("up/readings", ReadingsMessage.class),
    UP_EVENTS("up/events", EventsMessage.class),
    UP_INVENTORY("up/inventory", InventoryMessage.class),
    DOWN_ACK("down/ack", Ack.class),
    /** {@code cmd/{name}/req/{id}} */
    COMMAND_REQUEST("req", CommandRequest.class),
    /** {@code cmd/{name}/res/{id}} */
    COMMAND_RESPONSE("res", CommandResponse.class);

    private final String path;
    private final Class<?> payload;

    Kind(String path, Class<?> payload) {
      this.path = path;
      this.payload = payload;
    }

    /** The record its payload reads into with {@link Json#read}. */
    public Class<?> payload() {
      return payload;
    }

    public boolean isCommand() {
      return this == COMMAND_REQUEST || this == COMMAND_RESPONSE;
    }
  }

  public TopicName {
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(kind, "kind");
    if (kind.isCommand()) {
      Objects.requireNonNull(command, "command");
      checkCommandId(commandId);
    } else if (command != null || commandId != null) {
      throw new ContractException(
          "A "
              + kind.path
              + " topic has no command, found ["
              + command
              + "] and ["
              + commandId
              + "].");
    }
  }

  static TopicName of(GatewayId gateway, Kind kind) {
    return new TopicName(gateway, kind, null, null);
  }

  static TopicName status(GatewayId gateway) {
    return of(gateway, Kind.STATUS);
  }

  static TopicName commandRequest(GatewayId gateway, Command command, String id) {
    return new TopicName(gateway, Kind.COMMAND_REQUEST, command, id);
  }

  static TopicName commandResponse(GatewayId gateway, Command command, String id) {
    return new TopicName(gateway, Kind.COMMAND_RESPONSE, command, id);
  }

  /** The topic string, which {@link #parse} reads back into an equal {@code TopicName}. */
  public String topic() {
    String base = PREFIX + gateway + "/";
    if (kind.isCommand()) {
      return base + COMMAND + "/" + command.wireName() + "/" + kind.path + "/" + commandId;
    }
    return base + kind.path;
  }

  /** The topic string. */
  @Override
  public String toString() {
    return topic();
  }

  /** For a command request, the topic of its response. */
  public TopicName response() {
    if (kind != Kind.COMMAND_REQUEST) {
      throw new IllegalStateException("Only a command request has a response, not " + topic());
    }
    return commandResponse(gateway, command, commandId);
  }

  /**
   * Reads a topic name (not a filter) of contract v1.
   *
   * @throws ContractException naming the topic and what is wrong with it: a wildcard, another root
   *     or version, a bad gateway id, an unknown kind, a command not on the allow-list, a bad
   *     correlation id
   */
  public static TopicName parse(String topic) {
    Objects.requireNonNull(topic, "topic");
    for (int i = 0; i < topic.length(); i++) {
      char c = topic.charAt(i);
      if (c == '+' || c == '#') {
        throw new ContractException(
            "Topic ["
                + topic
                + "] must not contain wildcards (+, #), found ["
                + c
                + "] at index "
                + i
                + ".");
      }
    }
    if (!topic.startsWith(PREFIX)) {
      throw new ContractException("Topic [" + topic + "] must start with [" + PREFIX + "].");
    }
    String rest = topic.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash < 0) {
      throw new ContractException(
          "Topic ["
              + topic
              + "] must name a gateway and then a topic of it, such as ["
              + PREFIX
              + "rl042-gw1/status].");
    }
    GatewayId gateway;
    try {
      gateway = GatewayId.of(rest.substring(0, slash));
    } catch (ContractException e) {
      throw new ContractException("Topic [" + topic + "]: " + e.getMessage());
    }
    String path = rest.substring(slash + 1);
    for (Kind kind : Kind.values()) {
      if (!kind.isCommand() && kind.path.equals(path)) {
        return of(gateway, kind);
      }
    }
    String[] levels = path.split("/", -1);
    if (levels.length == 4 && levels[0].equals(COMMAND)) {
      Kind kind =
          levels[2].equals(Kind.COMMAND_REQUEST.path)
              ? Kind.COMMAND_REQUEST
              : levels[2].equals(Kind.COMMAND_RESPONSE.path) ? Kind.COMMAND_RESPONSE : null;
      if (kind != null) {
        try {
          return new TopicName(gateway, kind, Command.fromWireName(levels[1]), levels[3]);
        } catch (ContractException e) {
          throw new ContractException("Topic [" + topic + "]: " + e.getMessage());
        }
      }
    }
    throw new ContractException(
        "Topic ["
            + topic
            + "] must end, after the gateway id, with status, up/readings, up/events,"
            + " up/inventory, down/ack, cmd/{name}/req/{id} or cmd/{name}/res/{id}, found ["
            + path
            + "].");
  }

  private static void checkCommandId(String id) {
    Objects.requireNonNull(id, "commandId");
    if (id.isEmpty() || id.length() > MAX_COMMAND_ID_LENGTH) {
      throw new ContractException(
          "Command id ["
              + id
              + "] must have 1 to "
              + MAX_COMMAND_ID_LENGTH
              + " characters, found "
              + id.length()
              + ".");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean allowed =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!allowed) {
        throw new ContractException(
            "Command id ["
                + id
                + "] must contain only letters, digits, hyphens and underscores, found ["
                + c
                + "] at index "
                + i
                + ".");
      }
    }
  }
}
