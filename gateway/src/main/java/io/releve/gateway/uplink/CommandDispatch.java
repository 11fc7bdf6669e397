package io.releve.gateway.uplink;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import io.releve.contract.ContractException;
import io.releve.contract.GatewayId;
import io.releve.contract.Json;
import io.releve.contract.TopicName;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Technicians' commands (DESIGN §3.4): each request is answered on a small pool of threads of their
 * own, never on Paho's, and its response published (QoS 1, not retained) on the request's response
 * topic. A few requests may wait; beyond that the answer is 503 at once. A request whose payload
 * breaks the contract is answered 400 with the reason.
 */
final class CommandDispatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CommandDispatch.class);

  /** Requests waiting for the command thread, at most. */
  static final int QUEUE = 4;

  /**
   * Commands answered at once: a ping or a status is answered while a scan runs (the desk itself
   * lets one read or scan run at a time and answers 503 busy to another).
   */
  static final int THREADS = 4;

  private final GatewayId gateway;
  private final Supplier<MqttAsyncClient> client;
  private final Uplink.CommandAnswerer answerer;
  private final UplinkCounters counters;
  private final ThreadPoolExecutor executor;

  CommandDispatch(
      GatewayId gateway,
      Supplier<MqttAsyncClient> client,
      Uplink.CommandAnswerer answerer,
      UplinkCounters counters) {
    this.gateway = gateway;
    this.client = client;
    this.answerer = answerer;
    this.counters = counters;
    this.executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "uplink-commands");
              t.setDaemon(true);
              return t;
            });
  }

  /** Called on Paho's thread: queues the request, or answers 503 when too many wait. */
  void submit(TopicName request, byte[] payload) {
    if (!request.gateway().equals(gateway)) {
      LOG.warn("uplink: ignored a command for gateway {}", request.gateway());
      return;
    }
    try {
      executor.execute(() -> answer(request, payload));
    } catch (RejectedExecutionException e) {
      respond(
          request,
          CommandResponse.of(
              CommandResponse.UNAVAILABLE,
              text("busy: " + QUEUE + " commands are already waiting; ask again later")));
    }
  }

  private void answer(TopicName request, byte[] payload) {
    CommandResponse response;
    try {
      CommandRequest parsed = Json.read(payload, CommandRequest.class);
      response =
          answerer == null
              ? CommandResponse.of(
                  CommandResponse.UNAVAILABLE, text("commands are not available on this gateway"))
              : answerer.answer(request.command(), parsed);
    } catch (ContractException e) {
      response = CommandResponse.of(CommandResponse.BAD_REQUEST, text(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("uplink: command {} failed", request.command().wireName(), e);
      response = CommandResponse.of(CommandResponse.FAILED, text("failed: " + e));
    }
    counters.commands.incrementAndGet();
    LOG.info(
        "uplink: answered {} ({}) with {}",
        request.command().wireName(),
        request.commandId(),
        response.code());
    respond(request, response);
  }

  private void respond(TopicName request, CommandResponse response) {
    try {
      client.get().publish(request.response().topic(), Json.write(response), 1, false);
    } catch (MqttException e) {
      // the technician asks again; the gateway keeps nothing of a command
      LOG.warn(
          "uplink: could not answer {} ({}): {}",
          request.command().wireName(),
          request.commandId(),
          e.getMessage());
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode text(String message) {
    return JsonNodeFactory.instance.objectNode().put("error", message);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
