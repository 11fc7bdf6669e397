package io.releve.cloud.ingest;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.Durability;
import io.releve.cloud.store.StoreException;
import io.releve.contract.Ack;
import io.releve.contract.ContractException;
import io.releve.contract.GatewayId;
import io.releve.contract.Json;
import io.releve.contract.Status;
import io.releve.contract.TopicName;
import io.releve.contract.Topics;
import io.releve.contract.UpMessage;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT message in, one transaction, one {@link Outcome} out; no MQTT here. The caller publishes
 * the ack of an {@link Outcome.Acked} after this returns, that is after the commit.
 *
 * <p>An up batch: topic and payload are checked ({@link TopicName#parse}, {@link Json#read}), the
 * gateway of the topic must be the payload's, rows are inserted once on (gateway, epoch, seq),
 * inventory changes update the registry and events their alerts, and the epoch's contiguous seq
 * moves up: first to {@code pending_from - 1} when given, then while the next seq is held. A status
 * updates the gateways table.
 *
 * <p>Thread-safe: the database runs one transaction at a time.
 */
public final class Ingest {

  private static final Logger log = LoggerFactory.getLogger(Ingest.class);

  private final Database database;

  public Ingest(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * Handles one message as received.
   *
   * @throws StoreException when the database fails: nothing was committed and nothing must be
   *     acknowledged; the gateway will send the batch again
   */
  public Outcome handle(String topic, byte[] payload) {
    TopicName name;
    try {
      name = TopicName.parse(topic);
    } catch (ContractException e) {
      return refuse(gatewayLevel(topic), e.getMessage());
    }
    switch (name.kind()) {
      case STATUS:
        return status(topic, name.gateway(), payload);
      case UP_READINGS:
      case UP_EVENTS:
      case UP_INVENTORY:
        return up(topic, name, payload);
      default:
        return refuse(name.gateway().value(), "Topic [" + topic + "] is not one the bridge reads.");
    }
  }

  private Outcome up(String topic, TopicName name, byte[] payload) {
    UpMessage message;
    try {
      message = (UpMessage) Json.read(payload, name.kind().payload());
    } catch (ContractException e) {
      return refuse(name.gateway().value(), "Topic [" + topic + "]: " + e.getMessage());
    }
    GatewayId gateway = name.gateway();
    if (!message.gateway().equals(gateway)) {
      return refuse(gateway.value(), mismatch(topic, message.gateway()));
    }
    return database.write(
        "store " + message.entries().size() + " rows from " + topic,
        Durability.FULL,
        c -> {
          long now = database.clock().millis();
          Epochs.seen(c, gateway, now);
          Epochs.Epoch epoch = Epochs.ensure(c, gateway, message.epoch(), now);
          int added = UpRows.insert(c, message, epoch.id(), now, database.engine());
          long from = epoch.contiguousSeq();
          if (message.pendingFrom() != null) {
            from = Math.max(from, message.pendingFrom() - 1);
          }
          long contiguous = Epochs.advance(c, gateway, message.epoch(), epoch, from);
          int duplicates = message.entries().size() - added;
          if (contiguous == 0) {
            return new Outcome.NothingToAck(gateway, added, duplicates);
          }
          return new Outcome.Acked(
              gateway, new Ack(message.epoch(), contiguous), added, duplicates);
        });
  }

  private Outcome status(String topic, GatewayId gateway, byte[] payload) {
    Status status;
    try {
      status = Json.read(payload, Status.class);
    } catch (ContractException e) {
      return refuse(gateway.value(), "Topic [" + topic + "]: " + e.getMessage());
    }
    if (!status.gateway().equals(gateway)) {
      return refuse(gateway.value(), mismatch(topic, status.gateway()));
    }
    boolean applied =
        database.write(
            "record the status of " + gateway,
            Durability.NORMAL,
            c -> Statuses.record(c, status, database.clock().millis()));
    return new Outcome.StatusSeen(status, applied);
  }

  private static String mismatch(String topic, GatewayId inPayload) {
    return "Topic ["
        + topic
        + "] is a gateway's own topic, but the payload's gateway is ["
        + inPayload
        + "].";
  }

  /** Counts the refusal; a database failure here is logged, never thrown: nothing is at stake. */
  private Outcome refuse(String gateway, String reason) {
    log.warn("Refused: {}", reason);
    try {
      database.write(
          "count a refused payload",
          Durability.NORMAL,
          c -> {
            Refusals.count(c, gateway, reason, database.clock().millis());
            return null;
          });
    } catch (StoreException e) {
      log.error("Could not count the refusal above: {}", e.getMessage(), e);
    }
    return new Outcome.Refused(reason);
  }

  /**
   * The gateway level of a topic under the contract's root when it is a valid gateway id, else
   * {@link Refusals#UNKNOWN_GATEWAY}: a refusal is counted against the gateway it names.
   */
  static String gatewayLevel(String topic) {
    String prefix = Topics.ROOT + "/";
    if (topic == null || !topic.startsWith(prefix)) {
      return Refusals.UNKNOWN_GATEWAY;
    }
    String rest = topic.substring(prefix.length());
    int slash = rest.indexOf('/');
    String level = slash < 0 ? rest : rest.substring(0, slash);
    try {
      return GatewayId.of(level).value();
    } catch (ContractException e) {
      return Refusals.UNKNOWN_GATEWAY;
    }
  }
}
