package io.releve.portal;

import io.releve.cloud.spi.CloudContext;
import io.releve.cloud.spi.CloudService;
import io.releve.common.config.ConfigException;
import java.io.IOException;

/**
 * Starts the portal inside {@code releve cloud}, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.releve.cloud.spi.CloudService} when the portal's jar is on the class
 * path.
 */
public final class PortalService implements CloudService {

  @Override
  public String name() {
    return "portal";
  }

  /**
   * Reads the {@code portal.*} keys and starts the portal, unless {@code portal.enabled = false}.
   *
   * @throws ConfigException when a key is wrong (the process exits 78)
   * @throws IOException when the web server cannot listen
   */
  @Override
  public Running start(CloudContext context) throws ConfigException, IOException {
    PortalConfig config = PortalConfig.load(context.configFile());
    if (!config.enabled()) {
      return new Running() {
        @Override
        public String describe() {
          return "portal disabled (portal.enabled = false)";
        }

        @Override
        public void close() {}
      };
    }
    Portal portal = Portal.start(config, context.database(), context.clock());
    return new Running() {
      @Override
      public String describe() {
        return "portal at " + config.baseUrl();
      }

      @Override
      public void close() {
        portal.close();
      }
    };
  }
}
