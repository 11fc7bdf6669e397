package io.releve.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An alert as it stands when an event opens or closes it: what the residents' alert table shows.
 *
 * @param id the gateway's number for the alert, 1 or more, unique within the epoch: the opening and
 *     the closing of one alert carry the same id
 * @param type {@code leak}, {@code meter_alarm} or {@code not_heard}; an open vocabulary
 * @param condition for a meter alarm, what the meter reports ({@code leak}, {@code burst}, {@code
 *     tamper}…); empty otherwise
 * @param level for a leak, 1 (drip, 4 to 8 L/h), 2 (trickle, 8 to 12 L/h) or 3 (12 L/h and more);
 *     null otherwise
 * @param start since when: for a leak, the onset of the continuous flow
 * @param detectedAt when the gateway raised it
 * @param end when it ended; null while it is active
 * @param totalLossM3 for a leak, the water lost since the onset in m³, an exact decimal ({@code
 *     0.355}); null otherwise
 * @param averageFlowLph for a leak, the total loss over the time since the onset in L/h, an exact
 *     decimal ({@code 5.00}); null otherwise
 * @param source where it comes from: {@code flow} for a leak, the record or status bit for a meter
 *     alarm, {@code silence: …} for not heard
 */
public record AlertEntry(
    @JsonProperty(required = true) long id,
    String type,
    String condition,
    Integer level,
    Instant start,
    Instant detectedAt,
    Instant end,
    String totalLossM3,
    String averageFlowLph,
    String source) {

  /** The alert type whose figures (level, loss, average flow) are required. */
  public static final String LEAK = "leak";

  /**
   * Checks every field.
   *
   * @throws ContractException naming the first bad field and its value
   */
  public AlertEntry {
    Check.seq("id", id);
    Check.word("type", type);
    Check.anyText("condition", condition, 64);
    if (level != null) {
      Check.between("level", level, 1, 3);
    }
    Check.present("start", start);
    Check.present("detected_at", detectedAt);
    if (totalLossM3 != null) {
      Check.matches(
          "total_loss_m3", totalLossM3, Check.NON_NEGATIVE_DECIMAL, "a decimal such as 0.355");
    }
    if (averageFlowLph != null) {
      Check.matches(
          "average_flow_lph", averageFlowLph, Check.NON_NEGATIVE_DECIMAL, "a decimal such as 5.00");
    }
    if (LEAK.equals(type)) {
      leakFigure("level", level);
      leakFigure("total_loss_m3", totalLossM3);
      leakFigure("average_flow_lph", averageFlowLph);
    }
    Check.text("source", source, 256);
  }

  private static void leakFigure(String field, Object value) {
    if (value == null) {
      throw ContractException.field(
          field, "is missing or null: a leak has a level, a total loss and an average flow.");
    }
  }
}
