package io.releve.gateway.decode.radio;

/**
 * The TPL security profile a telegram announces in its configuration field (EN 13757-7 §7.6, OMS
 * vol. 2 §9): the mode number and what protects the payload.
 */
public enum SecurityMode {
  /** Mode 0: no encryption. */
  NONE(0),
  /** Mode 5: AES-128-CBC, the IV built from the link address and the access number. */
  AES_CBC_IV(5),
  /**
   * Mode 7: AES-128-CBC with a zero IV and keys derived by AES-CMAC, authenticated by the AFL MAC.
   */
  AES_CBC_KDF(7),
  /** Any other mode (2, 3, 8, 9, 10, 13…): announced but not decoded here. */
  OTHER(-1);

  private final int number;

  SecurityMode(int number) {
    this.number = number;
  }

  /** The mode number of the configuration field, or -1 for {@link #OTHER}. */
  public int number() {
    return number;
  }

  public static SecurityMode of(int mode) {
    return switch (mode) {
      case 0 -> NONE;
      case 5 -> AES_CBC_IV;
      case 7 -> AES_CBC_KDF;
      default -> OTHER;
    };
  }
}
