package io.releve.gateway.decode.radio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyFileTest {

  @Test
  void looksLikeKey_keyWrittenInDashedGroups_isTakenForAKey() {
    assertTrue(KeyFile.looksLikeKey("00112233-44556677-8899AABB-CCDDEEFF"));
    assertTrue(KeyFile.looksLikeKey("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"));
  }

  @Test
  void looksLikeKey_meterNamesEvenOfHexLetters_areNotKeys() {
    assertFalse(KeyFile.looksLikeKey("ABC-12345678-0A-07"));
    assertFalse(KeyFile.looksLikeKey("LUG-12345678-0A-07"));
  }
}
