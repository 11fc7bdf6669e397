package io.releve.gateway.ingest;

import io.releve.gateway.decode.RejectionReason;
import io.releve.gateway.store.StoredBatch;
import java.util.List;
import java.util.Optional;

/**
 * What one poll cycle's frames became.
 *
 * @param batch the stored readings with their outbox sequence numbers; empty when none decoded
 * @param framesDecoded frames that decoded (including those carrying no reading)
 * @param rejections the quarantined frames, in input order
 */
public record IngestResult(
    Optional<StoredBatch> batch, int framesDecoded, List<Rejection> rejections) {

  /** A frame kept in quarantine, with why. */
  public record Rejection(long quarantineId, RejectionReason reason, String message) {}

  public IngestResult {
    rejections = List.copyOf(rejections);
  }

  public int readingsStored() {
    return batch.map(StoredBatch::count).orElse(0);
  }
}
