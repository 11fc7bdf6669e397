package io.releve.gateway.cli;

/** How a listing command prints its rows. */
enum OutputFormat {
  /** Aligned columns for a person. */
  TABLE,
  /** RFC 4180 CSV with a header line. */
  CSV,
  /** One JSON object per line (JSON Lines). */
  JSON
}
