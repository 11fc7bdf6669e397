package io.releve.cloud.config;

import java.util.Objects;

/** A password read from a file: never printed, not even by {@link #toString()}. */
public final class Secret {

  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The secret itself, for the one call that needs it (Paho's options, a key store). */
  public char[] chars() {
    return value.toCharArray();
  }

  @Override
  public String toString() {
    return "[secret]";
  }
}
