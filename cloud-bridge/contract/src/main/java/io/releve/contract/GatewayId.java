package io.releve.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A gateway's name in MQTT topics ({@code releve/v1/{gateway}/…}) and payloads: 1 to 63 lower-case
 * letters, digits and hyphens, starting with a letter or a digit ({@code rl042-gw1}). Never
 * contains a topic level separator or a wildcard, so it is safe inside a topic.
 *
 * @param value the id as it appears in topics
 */
public record GatewayId(String value) {

  /** 63, as a DNS label: a gateway id can double as a host name. */
  public static final int MAX_LENGTH = 63;

  public GatewayId {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new ContractException(
          "Gateway id ["
              + value
              + "] must have 1 to "
              + MAX_LENGTH
              + " characters, found "
              + value.length()
              + ".");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (i == 0 && !letterOrDigit) {
        throw new ContractException(
            "Gateway id ["
                + value
                + "] must start with a lower-case letter or a digit, found ["
                + c
                + "] at index 0.");
      }
      if (!letterOrDigit && c != '-') {
        throw new ContractException(
            "Gateway id ["
                + value
                + "] must contain only lower-case letters, digits and hyphens, found ["
                + c
                + "] at index "
                + i
                + ".");
      }
    }
  }

  /**
   * Checks {@code text} and makes it a gateway id.
   *
   * @throws ContractException naming the text and its first bad character
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static GatewayId of(String text) {
    return new GatewayId(text);
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
