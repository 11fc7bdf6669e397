package io.releve.gateway.link;

/**
 * How hard the master tries on one bus.
 *
 * @param retries further attempts after a request got no reply, a garbled reply or one from another
 *     address (0–9); the retried REQ_UD2 keeps its FCB so the slave repeats its telegram
 * @param maxTelegrams most RSP_UD telegrams read from one meter in one readout while it says "more
 *     records follow" (1–255); beyond that the readout is marked capped
 * @param echoSuppression drop the copy of our own request that some level converters echo back
 */
public record LinkSettings(int retries, int maxTelegrams, boolean echoSuppression) {

  /** Two retries, 16 telegrams, echo suppression on. */
  public static final LinkSettings DEFAULTS = new LinkSettings(2, 16, true);

  /** Upper bound of {@link #retries}: beyond that a dead meter holds the bus for seconds. */
  public static final int MAX_RETRIES = 9;

  /** Upper bound of {@link #maxTelegrams}. */
  public static final int MAX_TELEGRAMS = 255;

  public LinkSettings {
    if (retries < 0 || retries > MAX_RETRIES) {
      throw new IllegalArgumentException(
          "Link retries [" + retries + "] must lie between 0 and " + MAX_RETRIES + ".");
    }
    if (maxTelegrams < 1 || maxTelegrams > MAX_TELEGRAMS) {
      throw new IllegalArgumentException(
          "Maximum telegrams per readout ["
              + maxTelegrams
              + "] must lie between 1 and "
              + MAX_TELEGRAMS
              + ".");
    }
  }
}
