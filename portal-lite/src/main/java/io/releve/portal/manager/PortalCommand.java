package io.releve.portal.manager;

import io.releve.cloud.spi.CloudCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code releve cloud portal …}: the portal's commands, found by {@link java.util.ServiceLoader}
 * through {@code META-INF/services/io.releve.cloud.spi.CloudCommand}.
 */
public final class PortalCommand implements CloudCommand {

  @Override
  public String name() {
    return "portal";
  }

  @Override
  public Object command() {
    return new Group();
  }

  /** The {@code portal} command: only its subcommands do something. */
  @Command(
      name = "portal",
      mixinStandardHelpOptions = true,
      description = "The residents' portal: import the landlord's files.",
      subcommands = {CommandLine.HelpCommand.class, ImportCommand.class})
  static final class Group {}
}
