package io.releve.gateway.decode.radio;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import java.util.Arrays;

/**
 * Finds out whether a telegram still carries its data-link CRCs and removes them (EN 13757-4 §9.5).
 *
 * <ul>
 *   <li>Format A: L does not count the CRCs. The first block (L C M A, 10 bytes) is followed by a
 *       CRC, then every block of 16 bytes and the last, shorter one.
 *   <li>Format B: L counts the CRCs. The second block (CI and up to 115 more bytes) ends with a CRC
 *       over the first and second blocks; an optional third block ends with its own CRC.
 * </ul>
 *
 * <p>Format A is assumed when the telegram is long enough to hold its CRCs: they must then verify.
 * Otherwise a format B CRC at the end is checked; when it does not verify, the receiver is taken to
 * have removed the CRCs already ("none"), unless bytes 10 and 11 are the CRC of the first block:
 * that is a format A telegram cut short, rejected as truncated (a CRC-less telegram whose CI field
 * and next byte happen to equal that CRC, 1 in 65536, is rejected too). A format B telegram with a
 * corrupted CRC remains indistinguishable from a CRC-less one; its records are still checked by the
 * record parser. Bytes beyond the frame (an RSSI byte some sticks append) are dropped.
 */
final class DataLinkBlocks {
  static final int FIRST_BLOCK = 10;
  static final int BLOCK = 16;
  static final int CRC = 2;

  /** Format B: the second block holds at most 115 data bytes and its CRC (EN 13757-4). */
  static final int FORMAT_B_SECOND_BLOCK_END = 128;

  /** The telegram without CRCs, with L counting C to the last data byte, and its frame format. */
  record Stripped(byte[] bytes, String format) {}

  private DataLinkBlocks() {}

  static Stripped strip(byte[] telegram) throws FrameRejectedException {
    if (telegram.length < FIRST_BLOCK + 1) {
      throw new FrameRejectedException(
          RejectionReason.TRUNCATED,
          "Telegram has "
              + telegram.length
              + " bytes; L, C, M, A and a CI field need at least 11.");
    }
    int l = telegram[0] & 0xFF;
    if (l < FIRST_BLOCK) {
      throw new FrameRejectedException(
          RejectionReason.LENGTH_MISMATCH,
          "L field is " + l + " at offset 0; it must count at least C, M, A and CI (10).");
    }
    int dataAfterFirstBlock = l - (FIRST_BLOCK - 1);
    int formatALength = l + 1 + CRC + CRC * ((dataAfterFirstBlock + BLOCK - 1) / BLOCK);
    if (telegram.length >= formatALength) {
      if (telegram.length >= FIRST_BLOCK + CRC
          && LinkCrc.matches(telegram, 0, FIRST_BLOCK, FIRST_BLOCK)) {
        return new Stripped(stripFormatA(telegram, l), "A");
      }
      if (formatBMatches(telegram, l)) {
        return new Stripped(stripFormatB(telegram, l), "B");
      }
      throw new FrameRejectedException(
          RejectionReason.BAD_CHECKSUM,
          "L = "
              + l
              + " and "
              + telegram.length
              + " bytes say the telegram carries data-link CRCs, but the CRC of the first block"
              + " (offset 10) does not match.");
    }
    if (telegram.length < l + 1) {
      throw new FrameRejectedException(
          RejectionReason.TRUNCATED,
          "Telegram is truncated: L = "
              + l
              + " needs "
              + (l + 1)
              + " bytes, got "
              + telegram.length
              + ".");
    }
    if (formatBMatches(telegram, l)) {
      return new Stripped(stripFormatB(telegram, l), "B");
    }
    if (telegram.length >= FIRST_BLOCK + CRC
        && LinkCrc.matches(telegram, 0, FIRST_BLOCK, FIRST_BLOCK)) {
      // bytes 10 and 11 are the CRC of the first block: a format A telegram cut short, whose CRC
      // bytes would otherwise be read as data
      throw new FrameRejectedException(
          RejectionReason.TRUNCATED,
          "Telegram is truncated: bytes 10 and 11 are the format A CRC of the first block, so L = "
              + l
              + " needs "
              + formatALength
              + " bytes with its data-link CRCs, got "
              + telegram.length
              + ".");
    }
    return new Stripped(Arrays.copyOf(telegram, l + 1), "none");
  }

  private static byte[] stripFormatA(byte[] t, int l) throws FrameRejectedException {
    byte[] out = new byte[l + 1];
    System.arraycopy(t, 0, out, 0, FIRST_BLOCK);
    int in = FIRST_BLOCK + CRC;
    int o = FIRST_BLOCK;
    while (o < out.length) {
      int n = Math.min(BLOCK, out.length - o);
      if (!LinkCrc.matches(t, in, n, in + n)) {
        throw new FrameRejectedException(
            RejectionReason.BAD_CHECKSUM,
            "Frame format A: the CRC of the block at offset "
                + in
                + " ("
                + n
                + " bytes) does not match.");
      }
      System.arraycopy(t, in, out, o, n);
      in += n + CRC;
      o += n;
    }
    return out;
  }

  private static boolean formatBMatches(byte[] t, int l) {
    int end = l + 1;
    if (end < FIRST_BLOCK + 1 + CRC) {
      return false;
    }
    if (end <= FORMAT_B_SECOND_BLOCK_END) {
      return LinkCrc.matches(t, 0, end - CRC, end - CRC);
    }
    int secondCrc = FORMAT_B_SECOND_BLOCK_END - CRC;
    int third = end - FORMAT_B_SECOND_BLOCK_END;
    return third > CRC
        && LinkCrc.matches(t, 0, secondCrc, secondCrc)
        && LinkCrc.matches(
            t, FORMAT_B_SECOND_BLOCK_END, third - CRC, FORMAT_B_SECOND_BLOCK_END + third - CRC);
  }

  private static byte[] stripFormatB(byte[] t, int l) {
    int end = l + 1;
    if (end <= FORMAT_B_SECOND_BLOCK_END) {
      byte[] out = Arrays.copyOf(t, end - CRC);
      out[0] = (byte) (l - CRC);
      return out;
    }
    int secondData = FORMAT_B_SECOND_BLOCK_END - CRC;
    int thirdData = end - FORMAT_B_SECOND_BLOCK_END - CRC;
    byte[] out = new byte[secondData + thirdData];
    System.arraycopy(t, 0, out, 0, secondData);
    System.arraycopy(t, FORMAT_B_SECOND_BLOCK_END, out, secondData, thirdData);
    out[0] = (byte) (out.length - 1);
    return out;
  }
}
