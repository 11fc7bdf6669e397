package io.releve.gateway.cli;

import io.releve.gateway.diag.Software;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"releve " + Software.version()};
  }
}
