package io.releve.cloud.spi;

/**
 * A service that runs in the {@code releve cloud} process beside the bridge, on the same store: the
 * portal is one. Services are found with {@link java.util.ServiceLoader} on the class path, so the
 * bridge's jar runs with or without them. Each reads its own keys ({@link
 * io.releve.cloud.config.CloudConfig#SERVICE_PREFIXES}) from the cloud's configuration file.
 */
public interface CloudService {

  /** A short name for logs ("portal"). */
  String name();

  /**
   * Starts the service and returns what stops it; the bridge closes it before the store.
   *
   * @throws io.releve.common.config.ConfigException when its keys are wrong (exit 78)
   * @throws Exception when it cannot start: the process stops with it
   */
  Running start(CloudContext context) throws Exception;

  /** A started service. */
  interface Running extends AutoCloseable {

    /** One line for the console once started ("portal at http://127.0.0.1:8080/"). */
    String describe();

    @Override
    void close();
  }
}
