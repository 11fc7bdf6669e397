package io.releve.gateway.decode.radio;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded mutations of every vector (bit flips, truncations, insertions, byte changes) through the
 * decoder for about five seconds: each must decode or be rejected, never throw anything else, never
 * be an internal error and never hang.
 */
class RadioDecoderFuzzTest {
  private static final long SEED = 0x5EED_13757L;
  private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(5);

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void mutatedTelegramsAreDecodedOrRejectedNeverAnythingElse() {
    Random random = new Random(SEED);
    List<WmbusVectors.Vector> vectors = WmbusVectors.all();
    long start = System.nanoTime();
    int runs = 0;
    while (System.nanoTime() - start < BUDGET_NANOS) {
      WmbusVectors.Vector v = vectors.get(random.nextInt(vectors.size()));
      byte[] mutated = mutate(v.telegram(), random);
      KeyLookup keys =
          v.key().isPresent() && random.nextBoolean()
              ? device -> Optional.of(v.key().get().clone())
              : KeyLookup.NONE;
      try {
        new RadioDecoder(keys).decode(mutated, null);
      } catch (FrameRejectedException e) {
        assertNotEquals(
            RejectionReason.INTERNAL_ERROR,
            e.reason(),
            () -> v.id() + " mutated to " + java.util.HexFormat.of().formatHex(mutated) + ": " + e);
      }
      runs++;
    }
    assertTrue(runs > 1000, "only " + runs + " runs in the time budget");
  }

  private static byte[] mutate(byte[] t, Random random) {
    byte[] out = t;
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations && out.length > 0; m++) {
      switch (random.nextInt(5)) {
        case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length));
        case 2 -> {
          int at = random.nextInt(out.length + 1);
          byte[] longer = new byte[out.length + 1];
          System.arraycopy(out, 0, longer, 0, at);
          longer[at] = (byte) random.nextInt(256);
          System.arraycopy(out, at, longer, at + 1, out.length - at);
          out = longer;
        }
        case 3 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        default -> out[0] = (byte) random.nextInt(256); // the L field
      }
    }
    return out;
  }
}
