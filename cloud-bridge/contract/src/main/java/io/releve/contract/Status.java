package io.releve.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.UUID;

/**
 * A gateway's presence on {@code releve/v1/{gateway}/status}, retained: {@code online} as its birth
 * message after each connect, {@code offline} as its last will (published by the broker when the
 * gateway goes away without a goodbye) and when it disconnects in order.
 *
 * @param v the contract version, {@value Contract#VERSION}
 * @param gateway the gateway, the same as in the topic
 * @param state {@code online} or {@code offline}
 * @param epoch the gateway database's epoch
 * @param at when the gateway wrote it; for the last will, which is handed to the broker at connect
 *     time, that is when the session began, not when the gateway went away
 * @param software the gateway's software version ({@code 0.1.0})
 */
public record Status(
    @JsonProperty(required = true) int v,
    GatewayId gateway,
    State state,
    UUID epoch,
    Instant at,
    String software) {

  /** Whether the gateway is connected. */
  public enum State {
    ONLINE,
    OFFLINE;

    @JsonValue
    public String wireName() {
      return Wire.name(this);
    }

    /**
     * @throws ContractException when {@code name} is not one of the states
     */
    @JsonCreator
    public static State fromWireName(String name) {
      return Wire.parse("State", name, values());
    }
  }

  /**
   * Checks every field.
   *
   * @throws ContractException naming the first bad field and its value
   */
  public Status {
    Check.version(v);
    Check.present("gateway", gateway);
    Check.present("state", state);
    Check.present("epoch", epoch);
    Check.present("at", at);
    Check.text("software", software, 64);
  }

  /** A status of this contract version. */
  public Status(GatewayId gateway, State state, UUID epoch, Instant at, String software) {
    this(Contract.VERSION, gateway, state, epoch, at, software);
  }
}
