package io.releve.gateway.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import io.releve.gateway.diag.CommandHandler;
import io.releve.gateway.store.OutboxState;
import java.time.Clock;
import java.time.Duration;

/**
 * The {@code queue} command: where the outbox stands (rows waiting, acknowledged seq, age of the
 * oldest unsent reading) and what the uplink has done since start.
 */
public final class QueueHandler implements CommandHandler {

  private final Uplink uplink;
  private final Clock clock;

  public QueueHandler(Uplink uplink, Clock clock) {
    this.uplink = uplink;
    this.clock = clock;
  }

  @Override
  public CommandResponse answer(CommandRequest request) {
    return CommandResponse.of(CommandResponse.OK, body(uplink.report(), clock));
  }

  /** The figures, also a part of {@code status}. */
  static JsonNode body(UplinkReport report, Clock clock) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    OutboxState outbox = report.outbox();
    body.put("connected", report.connected());
    body.put("depth", outbox.depth());
    body.put("acked_seq", outbox.ackedSeq());
    body.put("next_seq", outbox.nextSeq());
    body.put("sent_through", report.sentThrough());
    body.put("batches_in_flight", report.batchesInFlight());
    if (outbox.oldestUnsentReading() == null) {
      body.putNull("oldest_unsent_reading");
      body.put("oldest_unsent_age_s", 0);
    } else {
      body.put("oldest_unsent_reading", outbox.oldestUnsentReading().toString());
      body.put(
          "oldest_unsent_age_s",
          Math.max(0, Duration.between(outbox.oldestUnsentReading(), clock.instant()).toSeconds()));
    }
    UplinkReport.Counters counters = report.counters();
    ObjectNode since = body.putObject("since_start");
    since.put("connects", counters.connects());
    since.put("batches", counters.batches());
    since.put("rows", counters.rows());
    since.put("resends", counters.resends());
    since.put("acks", counters.acks());
    if (counters.lastAckAt() == null) {
      since.putNull("last_ack_at");
    } else {
      since.put("last_ack_at", counters.lastAckAt().toString());
    }
    since.put("failures", counters.failures());
    since.put("refused", counters.refused());
    since.put("commands", counters.commands());
    since.put("new_epochs", counters.newEpochs());
    return body;
  }

  /** For {@code status}: the same figures. */
  public static JsonNode statusPart(Uplink uplink, Clock clock) {
    return body(uplink.report(), clock);
  }
}
