package io.releve.cloud.cli;

/** How a listing command prints. */
enum OutputFormat {
  /** Aligned columns for a person. */
  TABLE,
  /** One JSON array, pretty-printed. */
  JSON
}
