package io.releve.gateway.leak;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One reading of a meter's cumulative index, as the leak detector takes it.
 *
 * @param time when the index was read
 * @param indexM3 the index in m³, with the digits the meter shows: its scale gives the meter's
 *     resolution (88.120 is read to the litre)
 * @param estimated true when the meter or the head-end flagged the value as not measured (an error
 *     state, a substitute value): such a reading is never used to compute a flow
 */
public record IndexSample(Instant time, BigDecimal indexM3, boolean estimated) {

  public IndexSample {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(indexM3, "indexM3");
  }

  /** A measured (not estimated) reading. */
  public static IndexSample of(Instant time, BigDecimal indexM3) {
    return new IndexSample(time, indexM3, false);
  }
}
