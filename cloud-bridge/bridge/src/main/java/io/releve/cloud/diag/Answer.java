package io.releve.cloud.diag;

import io.releve.contract.CommandResponse;
import io.releve.contract.Status;
import java.time.Duration;
import java.util.Optional;

/** What came back from a gateway to one diagnostic request. */
public sealed interface Answer {

  /** The gateway answered, after {@code elapsed}. */
  record Answered(CommandResponse response, Duration elapsed) implements Answer {}

  /**
   * Nothing within the timeout.
   *
   * @param lastStatus the gateway's retained status, when it has one: says whether it is offline,
   *     and since when
   */
  record NoAnswer(Optional<Status> lastStatus) implements Answer {}

  /** Something came on the response topic that breaks the contract. */
  record BadAnswer(String reason) implements Answer {}
}
