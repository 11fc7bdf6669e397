package io.releve.gateway.daemon;

import io.releve.gateway.link.LinkCounters;

/**
 * What a bus's link layer counted since the daemon started, over every connection it opened (each
 * new connection starts its own {@link LinkCounters}).
 *
 * @param requests requests written, retries included
 * @param retries requests repeated after a failed attempt
 * @param timeouts attempts that got no reply within the reply window
 * @param badFrames replies that were no valid frame, or not the frame asked for
 * @param wrongAddresses valid replies from another address, discarded
 * @param collisions replies of several slaves at once while selecting or scanning
 */
public record LinkTotals(
    long requests,
    long retries,
    long timeouts,
    long badFrames,
    long wrongAddresses,
    long collisions) {

  static final LinkTotals ZERO = new LinkTotals(0, 0, 0, 0, 0, 0);

  /** These totals with what one connection counted. */
  LinkTotals plus(LinkCounters counters) {
    return new LinkTotals(
        requests + counters.requests(),
        retries + counters.retries(),
        timeouts + counters.timeouts(),
        badFrames + counters.badFrames(),
        wrongAddresses + counters.wrongAddresses(),
        collisions + counters.collisions());
  }
}
