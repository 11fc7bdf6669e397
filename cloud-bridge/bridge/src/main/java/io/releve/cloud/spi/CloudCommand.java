package io.releve.cloud.spi;

/**
 * A subcommand of {@code releve cloud} that a service brings ({@code releve cloud portal …}), found
 * with {@link java.util.ServiceLoader} like {@link CloudService}.
 */
public interface CloudCommand {

  /** The subcommand's name ("portal"). */
  String name();

  /** A new picocli command object (annotated with {@code @Command}) for one run of the CLI. */
  Object command();
}
