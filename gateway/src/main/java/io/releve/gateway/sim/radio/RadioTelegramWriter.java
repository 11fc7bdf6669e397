package io.releve.gateway.sim.radio;

import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.radio.Aes;
import io.releve.gateway.decode.radio.AesCmac;
import io.releve.gateway.decode.radio.FormatSignature;
import io.releve.gateway.decode.radio.SecurityMode;
import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.link.SecondaryAddress;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encodes wireless M-Bus telegrams as a meter sends them and a stick delivers them, from the L
 * field on: {@code L C M M A A A A A A CI …} (EN 13757-4 data link layer, M and A as {@link
 * SecondaryAddress} bytes with the manufacturer first: id 4 bytes BCD least significant first,
 * version, device type).
 *
 * <p>Full frames carry a TPL short header (EN 13757-7 §7.5, CI 0x7A: ACC, STS, CFG least
 * significant byte first) and the data records:
 *
 * <ul>
 *   <li>Security mode 0: {@code 7A ACC STS 00 00 records}.
 *   <li>Security mode 5 (EN 13757-7 §9.4.3): {@code 7A ACC STS CFG}, CFG = {@code 0x0500 | n << 4}
 *       for n encrypted 16-byte blocks; the blocks are {@code 2F 2F records} padded with 2F to a
 *       multiple of 16 and encrypted with AES-128-CBC, IV = M (2) + A (6) in link-layer order + ACC
 *       eight times.
 *   <li>Security mode 7 (EN 13757-7 §9.4.5, OMS vol. 2 §9): an AFL first, {@code 90 0F FCL=00 2C
 *       MCL=25 MCR(4) MAC(8)} (FCL 0x2C00: MCL, MCR and MAC present, one unfragmented message; MCL
 *       0x25: message counter present, AT 5 = AES-CMAC truncated to 8 bytes), then {@code 7A ACC
 *       STS CFG CFG-ext}, CFG = {@code 0x0700 | n << 4}, CFG-ext 0x10 (KDF-A). The blocks are
 *       encrypted with AES-128-CBC, IV 0, key Kenc; the MAC is AES-CMAC with Kmac over MCL, MCR and
 *       the TPL from its CI to the end. Kenc and Kmac are AES-CMAC(K, DC || MCR || id || 07×7) with
 *       DC 0x00 and 0x01 (meter to other device, EN 13757-7 §9.6).
 * </ul>
 *
 * <p>Compact frames (EN 13757-3 Annex G, CI 0x79): {@code 79 SIG(2) CRC(2) data}, the format
 * signature and the full-frame CRC least significant byte first, as {@link FormatSignature}
 * computes them; only the data bytes of the records follow. The decoder reads CI 0x79 without a
 * security header, so only meters without a key send them.
 *
 * <p>Data-link CRCs (frame format A, EN 13757-4 §9.5.2): {@link #withFormatACrcs} adds a CRC after
 * the first 10-byte block and after every following 16-byte block (and the last, shorter one), most
 * significant byte first; L does not count them. Sticks deliver telegrams without them.
 *
 * <p>Keys are never put in a message.
 */
public final class RadioTelegramWriter {

  /** C field 0x44: SND_NR, a meter's spontaneous send (EN 13757-4). */
  public static final int C_SND_NR = 0x44;

  static final int CI_SHORT_HEADER = 0x7A;
  static final int CI_COMPACT = 0x79;
  static final int CI_AFL = 0x90;
  static final int FILLER = 0x2F;

  /** FCL: MCL (bit 13), MCR (bit 11) and MAC (bit 10) present; fragment 0, no more fragments. */
  static final int FCL_MCL_MCR_MAC = 0x2C00;

  /** MCL: message counter present (bit 5), authentication type 5 (AES-CMAC, 8 bytes). */
  static final int MCL_COUNTER_CMAC_8 = 0x25;

  static final int MAC_LENGTH = 8;

  /** CFG extension of mode 7: bits 4–5 = 1, KDF-A. */
  static final int CFG_EXTENSION_KDF_A = 0x10;

  static final int DERIVE_ENC_FROM_METER = 0x00;
  static final int DERIVE_MAC_FROM_METER = 0x01;
  private static final int DERIVE_PADDING = 0x07;

  static final int FIRST_BLOCK = 10;
  static final int BLOCK = 16;

  private RadioTelegramWriter() {}

  /**
   * A full frame without data-link CRCs.
   *
   * @param records the EN 13757-3 data records
   * @param key the meter's 16-byte AES key for modes 5 and 7, ignored in mode 0
   * @param messageCounter the AFL message counter (mode 7), 0 to 2^32-1
   * @throws IllegalArgumentException for {@link SecurityMode#OTHER}, a missing or short key, or a
   *     payload too long for 15 blocks or one telegram
   */
  public static byte[] full(
      DeviceIdentity meter,
      int accessNumber,
      int status,
      byte[] records,
      SecurityMode security,
      byte[] key,
      long messageCounter) {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(security, "security");
    byte[] link = linkHeader(meter);
    return switch (security) {
      case NONE -> {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        t.writeBytes(link);
        t.writeBytes(new byte[] {(byte) CI_SHORT_HEADER, (byte) accessNumber, (byte) status, 0, 0});
        t.writeBytes(records);
        yield withLength(t.toByteArray());
      }
      case AES_CBC_IV -> mode5(link, accessNumber, status, records, checkKey(key, meter));
      case AES_CBC_KDF ->
          mode7(link, accessNumber, status, records, checkKey(key, meter), messageCounter);
      case OTHER ->
          throw new IllegalArgumentException(
              "Security mode ["
                  + security
                  + "] cannot be written; use NONE, AES_CBC_IV or"
                  + " AES_CBC_KDF.");
    };
  }

  /**
   * A compact frame (CI 0x79) of {@code records} without data-link CRCs: the signature and the
   * full-frame CRC of their layout, then only their data.
   *
   * @throws IllegalArgumentException when the records cannot be walked
   */
  public static byte[] compact(DeviceIdentity meter, byte[] records) {
    FormatSignature format;
    try {
      format = FormatSignature.of(records);
    } catch (FrameRejectedException e) {
      throw new IllegalArgumentException(
          "Records cannot make a compact frame: " + e.getMessage(), e);
    }
    byte[] data = dataOnly(records, format);
    int signature = format.value();
    int fullCrc = FormatSignature.crc16(withoutFillers(records));
    ByteArrayOutputStream t = new ByteArrayOutputStream();
    t.writeBytes(linkHeader(meter));
    t.write(CI_COMPACT);
    t.write(signature);
    t.write(signature >> 8);
    t.write(fullCrc);
    t.write(fullCrc >> 8);
    t.writeBytes(data);
    return withLength(t.toByteArray());
  }

  /**
   * The telegram with frame format A data-link CRCs inserted; {@code telegram} has none, and L
   * keeps its value.
   */
  public static byte[] withFormatACrcs(byte[] telegram) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int p = 0;
    int block = FIRST_BLOCK;
    while (p < telegram.length) {
      int n = Math.min(block, telegram.length - p);
      byte[] chunk = Arrays.copyOfRange(telegram, p, p + n);
      int crc = FormatSignature.crc16(chunk);
      out.writeBytes(chunk);
      out.write(crc >> 8);
      out.write(crc);
      p += n;
      block = BLOCK;
    }
    return out.toByteArray();
  }

  /** L C M M A A A A A A: L set later, C = SND_NR, then the identity, manufacturer first. */
  static byte[] linkHeader(DeviceIdentity meter) {
    byte[] idFirst = new SecondaryAddress(meter).toBytes();
    byte[] h = new byte[FIRST_BLOCK];
    h[1] = (byte) C_SND_NR;
    h[2] = idFirst[4];
    h[3] = idFirst[5];
    System.arraycopy(idFirst, 0, h, 4, 4);
    h[8] = idFirst[6];
    h[9] = idFirst[7];
    return h;
  }

  private static byte[] mode5(byte[] link, int access, int status, byte[] records, byte[] key) {
    byte[] clear = padded(records);
    int blocks = clear.length / BLOCK;
    byte[] iv = new byte[BLOCK];
    System.arraycopy(link, 2, iv, 0, 8);
    Arrays.fill(iv, 8, BLOCK, (byte) access);
    ByteArrayOutputStream t = new ByteArrayOutputStream();
    t.writeBytes(link);
    t.writeBytes(new byte[] {(byte) CI_SHORT_HEADER, (byte) access, (byte) status});
    t.write(blocks << 4);
    t.write(5);
    t.writeBytes(encryptCbc(key, iv, clear));
    return withLength(t.toByteArray());
  }

  private static byte[] mode7(
      byte[] link, int access, int status, byte[] records, byte[] key, long counter) {
    if (counter < 0 || counter > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "Message counter [" + counter + "] must lie between 0 and 4294967295.");
    }
    byte[] mcr = new byte[4];
    for (int i = 0; i < 4; i++) {
      mcr[i] = (byte) (counter >> (8 * i));
    }
    byte[] id = Arrays.copyOfRange(link, 4, 8);
    byte[] clear = padded(records);
    int blocks = clear.length / BLOCK;
    ByteArrayOutputStream tpl = new ByteArrayOutputStream();
    tpl.writeBytes(new byte[] {(byte) CI_SHORT_HEADER, (byte) access, (byte) status});
    tpl.write(blocks << 4);
    tpl.write(7);
    tpl.write(CFG_EXTENSION_KDF_A);
    tpl.writeBytes(encryptCbc(derive(key, DERIVE_ENC_FROM_METER, mcr, id), new byte[BLOCK], clear));
    byte[] tplBytes = tpl.toByteArray();

    ByteArrayOutputStream macInput = new ByteArrayOutputStream();
    macInput.write(MCL_COUNTER_CMAC_8);
    macInput.writeBytes(mcr);
    macInput.writeBytes(tplBytes);
    byte[] mac =
        AesCmac.mac(
            derive(key, DERIVE_MAC_FROM_METER, mcr, id), macInput.toByteArray(), MAC_LENGTH);

    ByteArrayOutputStream t = new ByteArrayOutputStream();
    t.writeBytes(link);
    t.write(CI_AFL);
    t.write(2 + 1 + 4 + MAC_LENGTH); // AFLL: FCL, MCL, MCR, MAC
    t.write(FCL_MCL_MCR_MAC & 0xFF);
    t.write(FCL_MCL_MCR_MAC >> 8);
    t.write(MCL_COUNTER_CMAC_8);
    t.writeBytes(mcr);
    t.writeBytes(mac);
    t.writeBytes(tplBytes);
    return withLength(t.toByteArray());
  }

  /** AES-CMAC(K, DC || MCR || id || 07 × 7), EN 13757-7 §9.6 KDF-A. */
  static byte[] derive(byte[] key, int constant, byte[] mcr, byte[] id) {
    byte[] input = new byte[BLOCK];
    input[0] = (byte) constant;
    System.arraycopy(mcr, 0, input, 1, 4);
    System.arraycopy(id, 0, input, 5, 4);
    Arrays.fill(input, 9, BLOCK, (byte) DERIVE_PADDING);
    return AesCmac.mac(key, input);
  }

  /** 2F 2F, the records, then 2F up to a whole number of blocks (at most 15). */
  private static byte[] padded(byte[] records) {
    int length = 2 + records.length;
    int blocks = (length + BLOCK - 1) / BLOCK;
    if (blocks > 15) {
      throw new IllegalArgumentException(
          "Records of " + records.length + " bytes need " + blocks + " blocks; CFG holds 15.");
    }
    byte[] clear = new byte[blocks * BLOCK];
    Arrays.fill(clear, (byte) FILLER);
    System.arraycopy(records, 0, clear, 2, records.length);
    return clear;
  }

  /** AES-128-CBC encryption of whole blocks, built on the block cipher. */
  private static byte[] encryptCbc(byte[] key, byte[] iv, byte[] clear) {
    byte[] out = new byte[clear.length];
    byte[] chain = iv.clone();
    for (int b = 0; b < clear.length; b += BLOCK) {
      byte[] x = new byte[BLOCK];
      for (int i = 0; i < BLOCK; i++) {
        x[i] = (byte) (clear[b + i] ^ chain[i]);
      }
      chain = Aes.encryptBlock(key, x);
      System.arraycopy(chain, 0, out, b, BLOCK);
    }
    return out;
  }

  private static byte[] dataOnly(byte[] records, FormatSignature format) {
    byte[] headers = format.headerBytes();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int p = 0;
    int h = 0;
    int[] lengths = format.dataLengths();
    for (int length : lengths) {
      while ((records[p] & 0xFF) == FILLER) {
        p++;
      }
      int start = p;
      p = skipHeader(records, p);
      h += p - start;
      int n = length == FormatSignature.LVAR ? 1 + (records[p] & 0xFF) : length;
      data.write(records, p, n);
      p += n;
    }
    if (h != headers.length) {
      throw new IllegalStateException("Record headers do not add up to the format signature's.");
    }
    if (format.endsWithManufacturerData()) {
      while ((records[p] & 0xFF) == FILLER) {
        p++;
      }
      data.write(records, p + 1, records.length - p - 1);
    }
    return data.toByteArray();
  }

  /** Skips DIF, DIFEs, VIF and VIFEs (no plain-text VIF: the meters here never send one). */
  private static int skipHeader(byte[] b, int p) {
    while ((b[p++] & 0x80) != 0) {
      // DIF and DIFEs
    }
    while ((b[p++] & 0x80) != 0) {
      // VIF and VIFEs
    }
    return p;
  }

  private static byte[] withoutFillers(byte[] records) {
    try {
      FormatSignature format = FormatSignature.of(records);
      return format.expand(dataOnly(records, format));
    } catch (FrameRejectedException e) {
      throw new IllegalArgumentException("Records cannot be walked: " + e.getMessage(), e);
    }
  }

  private static byte[] checkKey(byte[] key, DeviceIdentity meter) {
    if (key == null || key.length != Aes.BLOCK) {
      throw new IllegalArgumentException(
          "Meter " + meter + " needs a 16-byte AES key for an encrypted telegram.");
    }
    return key;
  }

  private static byte[] withLength(byte[] t) {
    if (t.length - 1 > 255) {
      throw new IllegalArgumentException(
          "The telegram has " + (t.length - 1) + " bytes after L; L holds at most 255.");
    }
    t[0] = (byte) (t.length - 1);
    return t;
  }
}
