package io.releve.portal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.portal.PortalTestStores;
import io.releve.portal.PortalWorld;
import io.releve.portal.store.AccountKind;
import io.releve.portal.store.Accounts;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(120)
class SettingsStoreTest {

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void of_withoutARow_isEmailOnlyThenTheLatestChoice(Engine engine) {
    try (Database database = PortalTestStores.open(engine, folder)) {
      SettingsStore store = new SettingsStore();
      long claire =
          PortalTestStores.write(
              database,
              c ->
                  PortalWorld.activeAccount(
                      c,
                      new Accounts(database),
                      "claire@exemple.fr",
                      AccountKind.RESIDENT,
                      null,
                      PortalTestStores.NOW));
      Settings before = database.read("read", c -> store.of(c, claire));

      Settings smsOnly = new Settings(false, true, false, true);
      Settings documentsOnly = new Settings(false, false, true, false);
      PortalTestStores.write(
          database,
          c -> {
            store.set(c, claire, smsOnly, PortalTestStores.NOW);
            return null;
          });
      Settings first = database.read("read", c -> store.of(c, claire));
      PortalTestStores.write(
          database,
          c -> {
            store.set(c, claire, documentsOnly, PortalTestStores.NOW);
            return null;
          });
      Settings second = database.read("read", c -> store.of(c, claire));

      assertEquals(new Settings(true, false, true, false), before);
      assertEquals(smsOnly, first);
      assertEquals(documentsOnly, second);
    }
  }
}
