package io.releve.cloud.store;

import io.releve.common.sqlite.Migrations.Migration;
import java.util.List;

/**
 * The schema versions both engines share: each has its script under {@code store/sqlite} and under
 * {@code store/postgresql}, so that a version number means the same tables on either engine. Adding
 * a version is adding both scripts and its line here.
 */
final class Schema {

  static final List<Migration> VERSIONS =
      List.of(
          new Migration(1, "initial"),
          new Migration(2, "device_changes"),
          new Migration(3, "portal"),
          new Migration(4, "resident_views"),
          new Migration(5, "readings_by_stored_at"));

  private Schema() {}
}
