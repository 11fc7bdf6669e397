package io.releve.gateway.daemon;

import java.time.Instant;

/**
 * How one radio receiver has been doing since the daemon started, for a technician's status
 * request.
 *
 * @param receiver its name ({@code stick.hall}, {@code rtlwmbus.roof})
 * @param state {@code open} (hearing), {@code lost} (stalled or gone, being reopened) or {@code
 *     not-opened} (could not be opened yet; tried again every 30 s)
 * @param lostReason why it was last lost, or null while it has never been
 * @param telegrams telegrams it delivered, copies included
 * @param duplicates of those, copies of a telegram another copy of which was kept (counted as soon
 *     as they are received, so also the copies still waiting a second or two for a better one)
 * @param badFrames how many times it skipped bytes that were no valid message of its protocol
 * @param lastTelegram when it last delivered a telegram, or null
 */
public record ReceiverStatistics(
    String receiver,
    String state,
    String lostReason,
    long telegrams,
    long duplicates,
    long badFrames,
    Instant lastTelegram) {}
