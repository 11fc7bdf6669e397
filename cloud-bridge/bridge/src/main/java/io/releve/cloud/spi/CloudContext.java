package io.releve.cloud.spi;

import io.releve.cloud.store.Database;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a {@link CloudService} is given: the configuration file it reads its keys from, the open
 * store (already migrated), and the clock.
 */
public record CloudContext(Path configFile, Database database, Clock clock) {}
