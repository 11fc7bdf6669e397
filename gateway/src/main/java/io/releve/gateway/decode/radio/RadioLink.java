package io.releve.gateway.decode.radio;

import java.util.Objects;
import java.util.Optional;

/**
 * What a radio telegram says beyond its application data: the link layer, the layers it went
 * through and how far it can be trusted.
 *
 * @param cField the data-link C field (0x44 SND_NR, 0x46 SND_IR, 0x08 RSP_UD…)
 * @param frameFormat "A" or "B" when the data-link CRCs were present and checked, "none" when the
 *     receiver had removed them
 * @param rssiDbm the receiver's signal strength, when it gave one
 * @param ell the ELL CI field (0x8C, 0x8D…) when present
 * @param afl whether an AFL (CI 0x90) was present
 * @param messageCounter the AFL message counter, when present
 * @param tplCi the transport layer's CI field (0x7A short header, 0x72 long, 0x79 compact…)
 * @param security the security mode the TPL announced
 * @param authenticated true when the payload decrypted with a configured key and, in mode 7, its
 *     MAC verified; false for a clear payload (mode 0, or announced encrypted but sent in clear
 *     without a key configured). For ELL 0x8D (AES-CTR with a CRC-16 inside the encrypted payload)
 *     the only check is that CRC: weaker than a MAC, since AES-CTR is malleable and a CRC is
 *     linear, so whoever flips chosen bits of the ciphertext can fix the CRC without the key. It
 *     counts for the long header's meter only when that is the data-link sender whose key opened
 *     the ELL. In mode 5, clear bytes after the encrypted blocks are not read.
 * @param compactSignature for a compact frame, the format signature it was expanded with
 */
public record RadioLink(
    int cField,
    String frameFormat,
    Optional<Integer> rssiDbm,
    Optional<Integer> ell,
    boolean afl,
    Optional<Long> messageCounter,
    int tplCi,
    SecurityMode security,
    boolean authenticated,
    Optional<Integer> compactSignature) {

  public RadioLink {
    Objects.requireNonNull(frameFormat, "frameFormat");
    Objects.requireNonNull(rssiDbm, "rssiDbm");
    Objects.requireNonNull(ell, "ell");
    Objects.requireNonNull(messageCounter, "messageCounter");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(compactSignature, "compactSignature");
  }

  /**
   * The fields for JSON, in a fixed order: {@code c_field}, {@code frame_format}, {@code rssi_dbm},
   * {@code ell}, {@code afl}, {@code message_counter}, {@code tpl_ci}, {@code security_mode}
   * ({@code -1} for a mode not decoded here), {@code authenticated}, {@code compact_signature}; the
   * optional ones only when present.
   */
  public java.util.Map<String, Object> fields() {
    java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("c_field", cField);
    fields.put("frame_format", frameFormat);
    rssiDbm.ifPresent(v -> fields.put("rssi_dbm", v));
    ell.ifPresent(v -> fields.put("ell", v));
    fields.put("afl", afl);
    messageCounter.ifPresent(v -> fields.put("message_counter", v));
    fields.put("tpl_ci", tplCi);
    fields.put("security_mode", security.number());
    fields.put("authenticated", authenticated);
    compactSignature.ifPresent(v -> fields.put("compact_signature", v));
    return fields;
  }
}
