package io.releve.gateway.decode.radio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** AES-CMAC against the four examples of RFC 4493 §4, and the mode 7 key derivation on OMS data. */
class AesCmacTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
  private static final String M =
      "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
          + "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";

  private static String mac(int length) {
    return HEX.formatHex(AesCmac.mac(KEY, HEX.parseHex(M.substring(0, 2 * length))));
  }

  @Test
  void anEmptyMessageGivesRfc4493Example1() {
    assertEquals("bb1d6929e95937287fa37d129b756746", mac(0));
  }

  @Test
  void oneCompleteBlockGivesRfc4493Example2() {
    assertEquals("070a16b46b4d4144f79bdd9dd04a287c", mac(16));
  }

  @Test
  void fortyBytesWithAPaddedLastBlockGiveRfc4493Example3() {
    assertEquals("dfa66747de9ae63030ca32611497c827", mac(40));
  }

  @Test
  void fourCompleteBlocksGiveRfc4493Example4() {
    assertEquals("51f0bebf7e3b9d92fc49741779363cfe", mac(64));
  }

  @Test
  void aTruncatedMacIsThePrefixOfTheFullOne() {
    byte[] full = AesCmac.mac(KEY, HEX.parseHex(M.substring(0, 32)));
    assertArrayEquals(
        java.util.Arrays.copyOf(full, 8), AesCmac.mac(KEY, HEX.parseHex(M.substring(0, 32)), 8));
  }

  @Test
  void mode7KeysDerivedFromTheOmsExampleVerifyItsMacAndDecryptIt() throws Exception {
    // OMS vol. 2 example (integrated radio, security profile B): key 00 01 … 0F, message counter
    // 0x00000AB3, meter id 12345678; the MAC in the AFL is 21 92 4D 4F 2F B6 6E 01
    byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    byte[] counter = HEX.parseHex("b30a0000");
    byte[] id = HEX.parseHex("78563412");
    byte[] kmac = TplSecurity.derive(key, TplSecurity.DERIVE_MAC_FROM_METER, counter, id);
    byte[] macInput =
        HEX.parseHex(
            "25b30a0000"
                + "7a75002007109058475f4bc91df878b80a1b0f98b629024aac727942bfc549233c0140829b93");
    assertEquals("21924d4f2fb66e01", HEX.formatHex(AesCmac.mac(kmac, macInput, 8)));
    byte[] kenc = TplSecurity.derive(key, TplSecurity.DERIVE_ENC_FROM_METER, counter, id);
    byte[] clear =
        Aes.decryptCbc(
            kenc,
            new byte[16],
            HEX.parseHex("9058475f4bc91df878b80a1b0f98b629024aac727942bfc549233c0140829b93"),
            0,
            32);
    assertEquals("2f2f", HEX.formatHex(clear, 0, 2));
  }
}
