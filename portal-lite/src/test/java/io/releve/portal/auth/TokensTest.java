package io.releve.portal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void newToken_isFortyThreeBase64UrlCharactersAndNeverRepeats() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = Tokens.newToken();
      assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
      assertTrue(seen.add(token));
    }
  }

  @Test
  void sha256Hex_knownInput_givesTheFips180Digest() {
    // FIPS 180-2 appendix B.1: SHA-256("abc")
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Tokens.sha256Hex("abc"));
  }
}
