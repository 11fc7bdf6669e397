package io.releve.gateway.decode.radio;

import io.releve.gateway.decode.DataRecordParser;
import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.RejectionReason;
import io.releve.gateway.device.DeviceIdentity;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Decodes wireless M-Bus telegrams as a stick delivers them, {@code L C M M A A A A A A CI …}, with
 * or without data-link CRCs: data link layer (EN 13757-4), extended link layer 0x8C/0x8D/0x8E,
 * authentication and fragmentation layer 0x90, transport layer 0x7A/0x72/0x78/0x79 and security
 * modes 0, 5 and 7 (EN 13757-7, OMS vol. 2), then the data records as for wired frames.
 *
 * <p>Authenticity: when a key is configured for the meter, a telegram is accepted only if it
 * decrypts and verifies (2F 2F, ELL payload CRC, AFL MAC); a payload announced encrypted that
 * arrives in clear is accepted only when no key is configured, and is then not {@link
 * RadioLink#authenticated()}.
 *
 * <p>Offsets in rejection messages count bytes of the telegram with its data-link CRCs removed.
 * Keys never appear in a message.
 *
 * <p>One instance per stream (stick, input file): it keeps per-meter state, the compact frame
 * formats its {@link CompactExpander} learns. Not thread-safe.
 */
public final class RadioDecoder {
  static final int C_OFFSET = 1;
  static final int M_OFFSET = 2;
  static final int A_ID_OFFSET = 4;
  static final int CI_OFFSET = 10;

  private final KeyLookup keys;
  private final CompactExpander compact;

  /** A decoder that rejects compact frames. */
  public RadioDecoder(KeyLookup keys) {
    this(keys, CompactExpander.NONE);
  }

  public RadioDecoder(KeyLookup keys, CompactExpander compact) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.compact = Objects.requireNonNull(compact, "compact");
  }

  /**
   * Decodes one telegram.
   *
   * @param telegram the bytes from the L field on; bytes beyond the frame (an appended RSSI) are
   *     ignored
   * @param rssiDbm the receiver's signal strength, or null
   * @throws FrameRejectedException when the telegram cannot be decoded or verified; nothing else is
   *     ever thrown, whatever the bytes
   */
  public RadioTelegram decode(byte[] telegram, Integer rssiDbm) throws FrameRejectedException {
    if (telegram == null) {
      throw new FrameRejectedException(RejectionReason.TRUNCATED, "No telegram (null).");
    }
    try {
      return decodeStripped(DataLinkBlocks.strip(telegram), Optional.ofNullable(rssiDbm));
    } catch (RuntimeException e) {
      throw new FrameRejectedException(
          RejectionReason.INTERNAL_ERROR, "The radio decoder failed on this telegram: " + e, e);
    }
  }

  private RadioTelegram decodeStripped(DataLinkBlocks.Stripped link, Optional<Integer> rssi)
      throws FrameRejectedException {
    byte[] t = link.bytes();
    int end = t.length;
    DeviceIdentity sender = LinkAddress.manufacturerFirst(t, M_OFFSET);
    int p = CI_OFFSET;

    ExtendedLinkLayer ell = null;
    boolean senderAuthenticated = false;
    if (ExtendedLinkLayer.isEll(t[p] & 0xFF)) {
      ell = ExtendedLinkLayer.parse(t, p, end);
      p += ell.headerLength();
      if (ell.ci() == ExtendedLinkLayer.CI_SESSION) {
        senderAuthenticated = openSessionPayload(t, p, ell, sender);
        p += 2; // payload CRC
      }
    }
    requireMore(p, end, "after the extended link layer");
    AuthenticationLayer afl = null;
    if ((t[p] & 0xFF) == AuthenticationLayer.CI) {
      afl = AuthenticationLayer.parse(t, p, end);
      p += afl.length();
      requireMore(p, end, "after the AFL");
    }

    int tplStart = p;
    TransportHeader tpl = TransportHeader.parse(t, p, end);
    DeviceIdentity meter = tpl.device() != null ? tpl.device() : sender;
    int data = tplStart + tpl.length();
    SecurityMode security = SecurityMode.of(tpl.mode());
    // The ELL was opened with the sender's key: it vouches for the meter only when the long
    // header does not name another one.
    boolean authenticated = senderAuthenticated && sender.equals(meter);
    Optional<byte[]> key = keyOf(meter);
    switch (security) {
      case NONE -> {
        if (key.isPresent() && !authenticated) {
          throw new FrameRejectedException(
              RejectionReason.NOT_AUTHENTIC,
              "Meter "
                  + meter
                  + " has a key configured but this telegram is not encrypted (security mode 0)"
                  + (senderAuthenticated
                      ? " and its ELL was opened with the key of " + sender + ", another meter"
                      : "")
                  + ": it cannot be authenticated.");
        }
      }
      case AES_CBC_IV, AES_CBC_KDF -> {
        int decryptedEnd = openTplPayload(t, tplStart, data, tpl, afl, key, meter, security);
        if (decryptedEnd >= 0) {
          authenticated = true;
          end = decryptedEnd;
        }
      }
      default ->
          throw new FrameRejectedException(
              RejectionReason.UNSUPPORTED_SECURITY,
              "Meter "
                  + meter
                  + " announces security mode "
                  + tpl.mode()
                  + " (CFG "
                  + String.format("0x%04X", tpl.configuration())
                  + " at offset "
                  + tplStart
                  + "); only modes 0, 5 and 7 are supported.");
    }

    int accessNumber = tpl.accessNumber();
    if (accessNumber == DecodedFrame.NOT_PRESENT && ell != null) {
      accessNumber = ell.accessNumber();
    }
    Optional<Integer> signature = Optional.empty();
    DataRecordParser.Body body;
    if (tpl.ci() == TransportHeader.CI_COMPACT) {
      if (end - data < 2) {
        throw new FrameRejectedException(
            RejectionReason.BAD_HEADER,
            "Compact frame at offset " + tplStart + " has no format signature.");
      }
      int sig = (t[data] & 0xFF) | (t[data + 1] & 0xFF) << 8;
      signature = Optional.of(sig);
      byte[] records = compact.expand(meter, sig, Arrays.copyOfRange(t, data + 2, end));
      body = DataRecordParser.parse(records, 0, records.length);
    } else {
      body = DataRecordParser.parse(t, data, end);
      try {
        compact.learn(meter, Arrays.copyOfRange(t, data, end));
      } catch (FrameRejectedException e) {
        // the frame decoded; only its layout cannot serve later compact frames
      }
    }

    DecodedFrame frame =
        new DecodedFrame(
            meter,
            meter.medium(),
            accessNumber,
            tpl.status(),
            body.records(),
            Optional.empty(),
            body.moreRecordsFollow(),
            body.manufacturerData());
    RadioLink radioLink =
        new RadioLink(
            t[C_OFFSET] & 0xFF,
            link.format(),
            rssi,
            ell == null ? Optional.empty() : Optional.of(ell.ci()),
            afl != null,
            afl == null ? Optional.empty() : afl.counter(),
            tpl.ci(),
            security,
            authenticated,
            signature);
    return new RadioTelegram(frame, radioLink);
  }

  /**
   * ELL 0x8D: decrypts the payload (CRC included) with AES-CTR when SN says so, then checks the
   * payload CRC. Returns whether it was decrypted with the meter's key.
   */
  private boolean openSessionPayload(
      byte[] t, int crcAt, ExtendedLinkLayer ell, DeviceIdentity sender)
      throws FrameRejectedException {
    int end = t.length;
    requireMore(crcAt + 1, end, "for the ELL payload CRC");
    boolean decrypted = false;
    switch (ell.encryption()) {
      case ExtendedLinkLayer.ENCRYPTION_NONE -> {}
      case ExtendedLinkLayer.ENCRYPTION_AES_CTR -> {
        Optional<byte[]> key = keyOf(sender);
        if (key.isEmpty()) {
          if (payloadCrcMatches(t, crcAt)) {
            return false; // announced encrypted, sent in clear: accepted, not authenticated
          }
          throw new FrameRejectedException(
              RejectionReason.KEY_MISSING,
              "Key missing: the ELL payload of "
                  + sender
                  + " is encrypted (AES-CTR) and no key is configured.");
        }
        byte[] clear = Aes.ctr(key.get(), ell.counterBlock(t), t, crcAt, end - crcAt);
        System.arraycopy(clear, 0, t, crcAt, clear.length);
        decrypted = true;
      }
      default ->
          throw new FrameRejectedException(
              RejectionReason.UNSUPPORTED_SECURITY,
              "ELL session number of "
                  + sender
                  + " announces encryption "
                  + ell.encryption()
                  + "; only 0 (none) and 1 (AES-CTR) are supported.");
    }
    if (!payloadCrcMatches(t, crcAt)) {
      throw new FrameRejectedException(
          decrypted ? RejectionReason.DECRYPTION_FAILED : RejectionReason.BAD_CHECKSUM,
          decrypted
              ? "Decryption failed for "
                  + sender
                  + ": the ELL payload CRC at offset "
                  + crcAt
                  + " does not match after AES-CTR; the configured key is wrong."
              : "The ELL payload CRC at offset " + crcAt + " does not match.");
    }
    return decrypted;
  }

  /** The ELL payload CRC, least significant byte first, over the rest of the telegram. */
  private static boolean payloadCrcMatches(byte[] t, int crcAt) {
    int sent = (t[crcAt] & 0xFF) | (t[crcAt + 1] & 0xFF) << 8;
    return sent == LinkCrc.of(t, crcAt + 2, t.length - crcAt - 2);
  }

  /**
   * Modes 5 and 7. Returns where the authenticated payload ends when it was decrypted and verified
   * with a key, or -1 when it was sent in clear without a key configured.
   */
  private static int openTplPayload(
      byte[] t,
      int tplStart,
      int data,
      TransportHeader tpl,
      AuthenticationLayer afl,
      Optional<byte[]> key,
      DeviceIdentity meter,
      SecurityMode security)
      throws FrameRejectedException {
    int end = t.length;
    int length = tpl.encryptedBlocks() * Aes.BLOCK;
    if (key.isEmpty()) {
      if (TplSecurity.startsClear(t, data, end)) {
        return -1; // announced encrypted, sent in clear: accepted, not authenticated
      }
      throw new FrameRejectedException(
          RejectionReason.KEY_MISSING,
          "Key missing: "
              + meter
              + " sends an encrypted payload (security mode "
              + security.number()
              + ") and no key is configured.");
    }
    if (length == 0 || data + length > end) {
      throw new FrameRejectedException(
          RejectionReason.BAD_HEADER,
          "CFG "
              + String.format("0x%04X", tpl.configuration())
              + " at offset "
              + tplStart
              + " announces "
              + tpl.encryptedBlocks()
              + " encrypted blocks; the telegram has "
              + (end - data)
              + " payload bytes.");
    }
    if (security == SecurityMode.AES_CBC_IV) {
      TplSecurity.decryptMode5(
          t,
          data,
          length,
          key.get(),
          TplSecurity.address(t, tpl, tplStart),
          tpl.accessNumber(),
          meter.toString());
      // Mode 5 protects only the encrypted blocks. Some meters send clear records after them
      // (wmbusmeters: "not encrypted at end"); nobody vouches for those, so they are not read.
      return data + length;
    }
    byte[] id = Arrays.copyOfRange(TplSecurity.address(t, tpl, tplStart), 2, 6);
    TplSecurity.decryptMode7(t, tplStart, data, length, key.get(), id, afl, meter.toString());
    return end; // the AFL MAC covers the whole TPL, clear bytes after the blocks included
  }

  private Optional<byte[]> keyOf(DeviceIdentity meter) throws FrameRejectedException {
    Optional<byte[]> key = keys.keyOf(meter);
    if (key.isPresent() && key.get().length != Aes.KEY_LENGTH) {
      throw new FrameRejectedException(
          RejectionReason.BAD_HEADER,
          "The key configured for "
              + meter
              + " has "
              + key.get().length
              + " bytes; AES-128 needs 16.");
    }
    return key;
  }

  private static void requireMore(int p, int end, String where) throws FrameRejectedException {
    if (p >= end) {
      throw new FrameRejectedException(
          RejectionReason.TRUNCATED, "The telegram ends at offset " + end + ", " + where + ".");
    }
  }
}
