package io.releve.gateway.diag;

/** The gateway software's version. */
public final class Software {

  private Software() {}

  /** From the jar's manifest, or {@code development} when run from classes. */
  public static String version() {
    String version = Software.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
