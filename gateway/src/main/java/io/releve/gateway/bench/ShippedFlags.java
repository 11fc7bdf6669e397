package io.releve.gateway.bench;

import java.util.List;

/**
 * The JVM flags the Debian package starts the gateway with: {@code gateway_flags} of its launcher,
 * {@code gateway/src/deb/releve}, where each is explained. A test reads that file and compares, so
 * that the footprint benchmark measures what the package ships.
 */
public final class ShippedFlags {

  /** In the launcher's order. */
  public static final List<String> GATEWAY =
      List.of(
          "-Xms16m",
          "-Xmx64m",
          "-Xss256k",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-XX:ReservedCodeCacheSize=16m",
          "-XX:+ExitOnOutOfMemoryError");

  private ShippedFlags() {}
}
