package io.releve.gateway.decode;

/**
 * The application error codes a slave reports with CI 0x70 (EN 13757-3, "Report of application
 * errors"). The first data byte is the code; the frame carries no identity and no records.
 */
enum ApplicationError {
  UNSPECIFIED(0x00, "Unspecified error"),
  UNIMPLEMENTED_CI(0x01, "Unimplemented CI-Field"),
  BUFFER_TOO_LONG(0x02, "Buffer too long, truncated"),
  TOO_MANY_RECORDS(0x03, "Too many records"),
  PREMATURE_END_OF_RECORD(0x04, "Premature end of record"),
  TOO_MANY_DIFES(0x05, "More than 10 DIFEs"),
  TOO_MANY_VIFES(0x06, "More than 10 VIFEs"),
  RESERVED(0x07, "Reserved"),
  BUSY(0x08, "Application busy"),
  TOO_MANY_READOUTS(0x09, "Too many readouts");

  private static final ApplicationError[] BY_CODE = values();

  private final int code;
  private final String text;

  ApplicationError(int code, String text) {
    this.code = code;
    this.text = text;
  }

  /** The text for a code; codes above 9 are reserved and say so with the code. */
  static String describe(int code) {
    if (code < BY_CODE.length) {
      return BY_CODE[code].text;
    }
    return "Reserved application error " + Hex.ofByte(code);
  }

  int code() {
    return code;
  }
}
