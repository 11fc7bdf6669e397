package io.releve.gateway.decode;

/**
 * Bits 0–1 of the transport layer status byte (EN 13757-7:2018 §7.5.6). EN 13757-3:2004 left the
 * value 3 reserved; the 2018 editions and OMS use it for an abnormal condition or alarm.
 */
public enum ApplicationStatus {
  /** 00: no error. */
  NO_ERROR("no_error"),
  /** 01: the application is busy. */
  BUSY("application_busy"),
  /** 10: any application error, e.g. a command the meter could not interpret or decrypt. */
  ERROR("application_error"),
  /** 11: a working application detects an abnormal condition, such as a permanent flow. */
  ALARM("alarm");

  private static final ApplicationStatus[] BY_BITS = values();

  private final String label;

  ApplicationStatus(String label) {
    this.label = label;
  }

  /** The JSON name. */
  public String label() {
    return label;
  }

  static ApplicationStatus ofBits(int bits) {
    return BY_BITS[bits & 0x03];
  }
}
