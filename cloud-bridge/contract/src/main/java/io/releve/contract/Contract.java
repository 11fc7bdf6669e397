package io.releve.contract;

/** The version of the MQTT contract this module speaks. See the package documentation. */
public final class Contract {

  /**
   * The contract version: the {@code v} field of every payload and the {@code v1} of the topic root
   * {@code releve/v1}. Additive changes keep it; a breaking change makes version 2 on {@code
   * releve/v2}.
   */
  public static final int VERSION = 1;

  private Contract() {}
}
