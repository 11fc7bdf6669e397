package io.releve.portal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PasswordsTest {

  /** A low cost for the tests that do not check the cost itself. */
  private static final Argon2Params CHEAP = new Argon2Params(64, 1, 1);

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  /**
   * RFC 9106 §5.3, the Argon2id test vector: 32 KiB, 3 passes, 4 lanes, password 32 × 0x01, salt 16
   * × 0x02, secret 8 × 0x03, associated data 12 × 0x04. The portal passes no secret and no
   * associated data; the vector needs both, so it checks the generator underneath.
   */
  @Test
  void argon2id_rfc9106Vector_givesThePublishedTag() {
    byte[] tag =
        Passwords.argon2id(
            filled(32, 0x01),
            filled(16, 0x02),
            new Argon2Params(32, 3, 4),
            filled(8, 0x03),
            filled(12, 0x04),
            32);

    assertEquals(
        "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659",
        HexFormat.of().formatHex(tag));
  }

  /**
   * The reference implementation's test suite (P-H-C/phc-winner-argon2, src/test.c): Argon2id v=19,
   * m=65536, t=2, p=1, password "password", salt "somesalt" — an encoded string without secret or
   * associated data, which is what the portal stores.
   */
  private static final String REFERENCE =
      "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

  @Test
  void verify_referenceImplementationsEncodedHash_acceptsItsPasswordOnly() {
    Passwords passwords = new Passwords(CHEAP, 1);

    assertTrue(passwords.verify("password".toCharArray(), REFERENCE));
    assertFalse(passwords.verify("passwore".toCharArray(), REFERENCE));
  }

  @Test
  void argon2id_referenceVector_givesThePublishedHash() {
    byte[] hash =
        Passwords.argon2id(
            "password".getBytes(StandardCharsets.UTF_8),
            "somesalt".getBytes(StandardCharsets.UTF_8),
            new Argon2Params(65536, 2, 1),
            null,
            null,
            32);

    assertEquals(
        "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7",
        HexFormat.of().formatHex(hash));
  }

  @Test
  void hash_recommendedCost_writesThePhcStringWithItsParameters() {
    Passwords passwords = new Passwords();

    String phc = passwords.hash("Relevé-2026!".toCharArray());

    assertTrue(
        phc.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
        phc);
    assertTrue(passwords.verify("Relevé-2026!".toCharArray(), phc));
    assertFalse(passwords.verify("relevé-2026!".toCharArray(), phc));
    assertFalse(passwords.needsRehash(phc));
  }

  @Test
  void hash_samePasswordTwice_givesTwoSalts() {
    Passwords passwords = new Passwords(CHEAP, 1);

    assertNotEquals(passwords.hash("secret".toCharArray()), passwords.hash("secret".toCharArray()));
  }

  @Test
  void needsRehash_hashOfAnOlderCost_isTrueAndStillVerifies() {
    String old = new Passwords(CHEAP, 1).hash("Ancien mot de passe".toCharArray());
    Passwords current = new Passwords(new Argon2Params(128, 2, 1), 1);

    assertTrue(current.verify("Ancien mot de passe".toCharArray(), old));
    assertTrue(current.needsRehash(old));
    assertFalse(current.needsRehash(current.hash("x".toCharArray())));
  }

  @Test
  void dummyVerify_anyPassword_isFalse() {
    Passwords passwords = new Passwords(CHEAP, 1);

    assertFalse(passwords.dummyVerify("dummy".toCharArray()));
  }

  @Test
  void verify_malformedOrHostileHash_isRefusedWithoutRepeatingIt() {
    Passwords passwords = new Passwords(CHEAP, 1);
    List<String> bad =
        List.of(
            "",
            "$2b$12$abcdefghijklmnopqrstuu5555555555555555555555555555555",
            "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=65536,t=1000,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ=$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

    for (String phc : bad) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> passwords.verify("x".toCharArray(), phc), phc);
      assertFalse(!phc.isEmpty() && e.getMessage().contains(phc), e.getMessage());
    }
  }

  @Test
  void constructor_noPermit_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Passwords(CHEAP, 0));
  }

  /**
   * Eight threads hash at once through two permits: while they run, two hash and the others wait in
   * the semaphore's queue, and every hash still completes.
   */
  @Test
  @Timeout(60)
  void hash_eightAtOnceWithTwoPermits_twoRunAndTheOthersWait() throws Exception {
    Passwords passwords = new Passwords(Argon2Params.RECOMMENDED, 2);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> hashes = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        hashes.add(pool.submit(() -> passwords.hash("Mot-de-passe-1".toCharArray())));
      }
      boolean sawQueue = false;
      while (!hashes.stream().allMatch(Future::isDone)) {
        assertTrue(passwords.hashing() <= 2, "hashes at once: " + passwords.hashing());
        sawQueue |= passwords.hashing() == 2 && passwords.waiting() > 0;
        Thread.onSpinWait();
      }
      assertTrue(sawQueue, "never saw two hashing while others waited");
      for (Future<String> hash : hashes) {
        assertTrue(passwords.verify("Mot-de-passe-1".toCharArray(), hash.get()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Prints the time of one hash at the recommended cost, for the record. */
  @Test
  void hash_recommendedCost_takesMeasurableTime() {
    Passwords passwords = new Passwords();
    char[] password = "Mot-de-passe-1".toCharArray();
    passwords.hash(password); // warm-up: class loading and JIT
    int rounds = 10;
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      passwords.hash(password);
    }
    long micros = (System.nanoTime() - start) / 1_000 / rounds;
    System.out.println("Argon2id m=19456,t=2,p=1: " + micros / 1000.0 + " ms per hash");
    assertTrue(micros > 0);
  }
}
