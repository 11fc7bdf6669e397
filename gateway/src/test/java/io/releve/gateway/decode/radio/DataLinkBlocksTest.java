package io.releve.gateway.decode.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Data-link CRC removal on real telegrams (see vectors/wmbus/README.md). */
class DataLinkBlocksTest {
  /** A format A telegram with its CRCs, exactly as long as L and the CRCs make it. */
  private static final String FORMAT_A = "wireless-mbus-parser/fc67bb09b1";

  @Test
  void aFormatATelegramWithItsCrcsIsStrippedOfThem() throws Exception {
    byte[] t = RadioVectorsTest.byId(FORMAT_A).telegram();
    DataLinkBlocks.Stripped s = DataLinkBlocks.strip(t);
    assertEquals("A", s.format());
    assertEquals((t[0] & 0xFF) + 1, s.bytes().length);
  }

  @Test
  void aFormatATelegramCutShortIsRejectedAsTruncatedNotReadWithoutCrcs() {
    byte[] t = RadioVectorsTest.byId(FORMAT_A).telegram();
    byte[] cut = Arrays.copyOf(t, t.length - 1);
    FrameRejectedException e =
        assertThrows(FrameRejectedException.class, () -> DataLinkBlocks.strip(cut));
    assertEquals(RejectionReason.TRUNCATED, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("format A CRC"), e.getMessage());
  }
}
