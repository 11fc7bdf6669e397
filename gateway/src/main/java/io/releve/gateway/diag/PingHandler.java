package io.releve.gateway.diag;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import java.time.Clock;
import java.util.Objects;

/** {@code ping}: {@code {"pong": "2026-11-24T18:00:02.317Z", "software": "0.1.0"}}, at once. */
public final class PingHandler implements CommandHandler {

  private final Clock clock;
  private final String software;

  public PingHandler(Clock clock, String software) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.software = Objects.requireNonNull(software, "software");
  }

  @Override
  public CommandResponse answer(CommandRequest request) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("pong", clock.instant().toString());
    body.put("software", software);
    return CommandDesk.ok(body);
  }
}
