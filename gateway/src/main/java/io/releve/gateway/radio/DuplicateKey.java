package io.releve.gateway.radio;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What makes two received telegrams the same transmission (DESIGN §3.1): the sender's link-layer
 * identity (manufacturer, id, version, device type), the access number and the payload. The L and C
 * fields are left out, and so is an ELL's communication control byte, which a repeater changes (it
 * sets the hop bit). Telegrams are expected without data-link CRCs, as the receivers deliver them.
 *
 * @param meter the identity bytes as sent, {@code M M A A A A V T} in hex
 * @param accessNumber the ELL's or the TPL header's access number, or -1 when neither has one
 * @param payload the bytes from the CI field on, in hex, with the ELL CC byte cleared
 */
public record DuplicateKey(String meter, int accessNumber, String payload) {

  private static final int IDENTITY_AT = 2;
  private static final int CI_AT = 10;
  private static final int ELL_CC_AT = 11;
  private static final int ELL_ACC_AT = 12;
  private static final int SHORT_HEADER_ACC_AT = 11;

  /** The long TPL header's ACC follows its own 8-byte address. */
  private static final int LONG_HEADER_ACC_AT = 19;

  private static final int CI_SHORT_HEADER = 0x7A;
  private static final int CI_LONG_HEADER = 0x72;
  private static final int CI_ELL_FIRST = 0x8C;
  private static final int CI_ELL_LAST = 0x8F;

  /** The key of {@code telegram}, or empty when it is too short to carry an identity and a CI. */
  public static Optional<DuplicateKey> of(byte[] telegram) {
    if (telegram.length <= CI_AT) {
      return Optional.empty();
    }
    HexFormat hex = HexFormat.of().withUpperCase();
    String meter = hex.formatHex(telegram, IDENTITY_AT, CI_AT);
    byte[] payload = Arrays.copyOfRange(telegram, CI_AT, telegram.length);
    int ci = telegram[CI_AT] & 0xFF;
    int access = -1;
    if (ci >= CI_ELL_FIRST && ci <= CI_ELL_LAST && telegram.length > ELL_ACC_AT) {
      payload[ELL_CC_AT - CI_AT] = 0;
      access = telegram[ELL_ACC_AT] & 0xFF;
    } else if (ci == CI_SHORT_HEADER && telegram.length > SHORT_HEADER_ACC_AT) {
      access = telegram[SHORT_HEADER_ACC_AT] & 0xFF;
    } else if (ci == CI_LONG_HEADER && telegram.length > LONG_HEADER_ACC_AT) {
      access = telegram[LONG_HEADER_ACC_AT] & 0xFF;
    }
    return Optional.of(new DuplicateKey(meter, access, hex.formatHex(payload)));
  }
}
