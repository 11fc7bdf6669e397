package io.releve.gateway.cli;

import picocli.CommandLine.Option;

/**
 * Only {@code -h/--help}, for commands where picocli's standard {@code --version} would clash with
 * the meter's {@code --version} option.
 */
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;
}
