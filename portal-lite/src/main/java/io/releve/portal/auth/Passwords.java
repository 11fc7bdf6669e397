package io.releve.portal.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106) as PHC strings. At most {@code concurrentHashes} hashes run
 * at once, the others wait their turn in arrival order: each takes {@code m} KiB (19 MiB by
 * default), so a login flood must queue rather than exhaust the heap. Thread-safe.
 */
public final class Passwords {

  /** At most two hashes at once (the portal's plan): 38 MiB of heap at the default cost. */
  public static final int DEFAULT_CONCURRENT_HASHES = 2;

  /** RFC 9106 §3.1 recommends 128 bits of salt. */
  static final int SALT_BYTES = 16;

  /** RFC 9106 §4 chooses a 256-bit tag in its recommended parameters. */
  static final int HASH_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Argon2Params params;
  private final int concurrentHashes;
  private final Semaphore permits;
  private final String dummy;

  /** The recommended cost ({@link Argon2Params#RECOMMENDED}), two hashes at once. */
  public Passwords() {
    this(Argon2Params.RECOMMENDED, DEFAULT_CONCURRENT_HASHES);
  }

  /**
   * @param params the cost of new hashes; stored hashes keep their own until rehashed
   * @param concurrentHashes how many hashes may run at once, at least 1
   */
  public Passwords(Argon2Params params, int concurrentHashes) {
    if (concurrentHashes < 1) {
      throw new IllegalArgumentException(
          "concurrentHashes must be at least 1, not " + concurrentHashes);
    }
    this.params = params;
    this.concurrentHashes = concurrentHashes;
    this.permits = new Semaphore(concurrentHashes, true);
    // a hash of a password nobody knows, for dummyVerify: same cost as a real account's
    this.dummy = hash(new char[] {'d', 'u', 'm', 'm', 'y'});
  }

  /** The cost of new hashes. */
  public Argon2Params params() {
    return params;
  }

  /** How many hashes run now (for tests and metrics). */
  int hashing() {
    return concurrentHashes - permits.availablePermits();
  }

  /** How many callers wait for a permit now (for tests and metrics). */
  int waiting() {
    return permits.getQueueLength();
  }

  /** A new PHC string for {@code password}, with a fresh random salt. */
  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = guarded(password, salt, params);
    return new PhcHash(params, salt, hash).format();
  }

  /**
   * Whether {@code password} matches {@code phc}, computed with the parameters written in {@code
   * phc}; the hashes are compared in constant time.
   *
   * @throws IllegalArgumentException when {@code phc} is not an Argon2id PHC string (a corrupt
   *     row); the message does not repeat it
   */
  public boolean verify(char[] password, String phc) {
    PhcHash stored = PhcHash.parse(phc);
    byte[] computed = guarded(password, stored.salt(), stored.params(), stored.hash().length);
    return MessageDigest.isEqual(computed, stored.hash());
  }

  /**
   * Spends the time and memory of a {@link #verify} and returns false: the login path calls it when
   * no account has the e-mail, so that both branches do the same work.
   */
  public boolean dummyVerify(char[] password) {
    verify(password, dummy);
    return false;
  }

  /**
   * Whether {@code phc} was made with other parameters than {@link #params()}: after a successful
   * {@link #verify}, the caller stores {@link #hash} of the same password.
   */
  public boolean needsRehash(String phc) {
    PhcHash stored = PhcHash.parse(phc);
    return !stored.params().equals(params)
        || stored.salt().length != SALT_BYTES
        || stored.hash().length != HASH_BYTES;
  }

  private byte[] guarded(char[] password, byte[] salt, Argon2Params cost) {
    return guarded(password, salt, cost, HASH_BYTES);
  }

  private byte[] guarded(char[] password, byte[] salt, Argon2Params cost, int length) {
    byte[] bytes = utf8(password);
    // uninterruptible: a hash lasts tens of milliseconds and a request thread has nothing better
    // to do than wait for its turn
    permits.acquireUninterruptibly();
    try {
      return argon2id(bytes, salt, cost, null, null, length);
    } finally {
      permits.release();
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Raw Argon2id (RFC 9106 §3) of {@code password}, without the semaphore; {@code secret} and
   * {@code associatedData} may be null (the portal uses neither; RFC 9106's test vector does).
   */
  static byte[] argon2id(
      byte[] password,
      byte[] salt,
      Argon2Params cost,
      byte[] secret,
      byte[] associatedData,
      int length) {
    Argon2Parameters.Builder builder =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(cost.memoryKib())
            .withIterations(cost.iterations())
            .withParallelism(cost.parallelism())
            .withSalt(salt);
    if (secret != null) {
      builder.withSecret(secret);
    }
    if (associatedData != null) {
      builder.withAdditional(associatedData);
    }
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(builder.build());
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    return out;
  }

  /** The password as UTF-8 bytes, without a String that would linger in the heap. */
  private static byte[] utf8(char[] password) {
    ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    Arrays.fill(buffer.array(), (byte) 0);
    return bytes;
  }
}
