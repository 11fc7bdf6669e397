package io.releve.cloud.cli;

import io.releve.cloud.config.CloudConfig;
import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings;
import io.releve.common.cli.CliException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.function.Function;

/**
 * Opens the bridge's database for a reading command: a missing SQLite file is not created, and a
 * shared PostgreSQL database is neither created nor migrated.
 */
final class StoreAccess {

  private StoreAccess() {}

  static <T> T read(CloudConfig config, Function<Database, T> query) {
    if (config.store() instanceof StoreSettings.Sqlite sqlite && !Files.exists(sqlite.file())) {
      throw new CliException(
          ExitCodes.NO_INPUT,
          "there is no database at "
              + sqlite.file()
              + " (database.path in "
              + config.file()
              + "): has the bridge run yet?");
    }
    try (Database database = Database.openForReading(config.store(), Clock.systemUTC())) {
      return query.apply(database);
    }
  }
}
