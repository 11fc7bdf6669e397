package io.releve.portal.auth;

/**
 * The cost of one Argon2id hash, as the PHC string writes it ({@code m=19456,t=2,p=1}).
 *
 * @param memoryKib memory in KiB ({@code m})
 * @param iterations passes over the memory ({@code t})
 * @param parallelism lanes ({@code p})
 */
public record Argon2Params(int memoryKib, int iterations, int parallelism) {

  /**
   * OWASP Password Storage Cheat Sheet, Argon2id: "m=19456 (19 MiB), t=2, p=1" is its first
   * recommended configuration, the one the portal's plan fixes.
   */
  public static final Argon2Params RECOMMENDED = new Argon2Params(19456, 2, 1);

  /**
   * The most memory a stored hash may ask for (256 MiB): a larger {@code m} read from the database
   * is a corrupt or hostile row, and two of them at once would exhaust a small server.
   */
  static final int MAX_MEMORY_KIB = 256 * 1024;

  /** The most passes a stored hash may ask for; more would make a login take seconds. */
  static final int MAX_ITERATIONS = 16;

  /** The most lanes a stored hash may ask for; RFC 9106 allows more, a portal never needs them. */
  static final int MAX_PARALLELISM = 16;

  public Argon2Params {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "Argon2 parallelism p=" + parallelism + " must lie between 1 and " + MAX_PARALLELISM);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "Argon2 iterations t=" + iterations + " must lie between 1 and " + MAX_ITERATIONS);
    }
    // RFC 9106 §3.1: m is at least 8 * p KiB
    if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException(
          "Argon2 memory m="
              + memoryKib
              + " KiB must lie between 8 * p ("
              + 8 * parallelism
              + ") and "
              + MAX_MEMORY_KIB);
    }
  }

  /** {@code m=19456,t=2,p=1}. */
  String phc() {
    return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
  }
}
