package io.releve.gateway.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {software()};
  }

  /** {@code releve 0.1.0}: what the gateway says it runs, in its status and health. */
  static String software() {
    String version = Main.class.getPackage().getImplementationVersion();
    return "releve " + (version == null ? "development" : version);
  }
}
