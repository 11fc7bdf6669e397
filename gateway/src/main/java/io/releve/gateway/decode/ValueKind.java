package io.releve.gateway.decode;

/** How the data bytes of a record are to be read once its VIF is known. */
enum ValueKind {
  /** A signed number (EN 13757-3 type A or B), scaled to the canonical unit. */
  NUMBER,
  /** A bit field or code (error flags, digital inputs, device type): unsigned, never scaled. */
  CODE,
  /** A date (type G), or a date-time when the data is long enough (types F, I). */
  DATE,
  /** A date-time (type F or I), or a time of day (type J) when the data has 3 bytes. */
  DATE_TIME,
  /** A meaning this decoder does not normalise: the number as sent, unscaled, without a unit. */
  RAW
}
