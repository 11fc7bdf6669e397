package io.releve.portal.store;

import static io.releve.portal.store.StoreFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.store.StoreException;
import io.releve.cloud.store.StoreSettings.Engine;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(120)
class ConsentsTest {

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void current_isTheLatestRow_withWhoAndWhen(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long a01 = store.dwelling("A01", "101");
      long claire = store.resident("claire@example.org");
      long manager = store.manager("gestion@example.org");
      assertEquals(Optional.empty(), store.read(c -> store.consents.current(c, claire, a01)));

      store.write(
          c ->
              store.consents.append(
                  c, claire, a01, Choice.GRANTED, claire, Recorder.RESIDENT, null, NOW));
      store.write(
          c ->
              store.consents.append(
                  c,
                  claire,
                  a01,
                  Choice.WITHDRAWN,
                  manager,
                  Recorder.MANAGER,
                  null,
                  NOW.plusSeconds(60)));

      Consent current = store.read(c -> store.consents.current(c, claire, a01)).orElseThrow();
      assertEquals(Choice.WITHDRAWN, current.choice());
      assertEquals(Recorder.MANAGER, current.recorder());
      assertEquals(manager, current.recordedBy());
      assertEquals(NOW.plusSeconds(60), current.recordedAt());
      List<Consent> history = store.read(c -> store.consents.history(c, claire, a01));
      assertEquals(
          List.of(Choice.GRANTED, Choice.WITHDRAWN),
          history.stream().map(Consent::choice).toList());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void updateOrDelete_ofAConsentRow_isRefusedByTheStore(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long a01 = store.dwelling("A01", "101");
      long claire = store.resident("claire@example.org");
      store.write(
          c ->
              store.consents.append(
                  c, claire, a01, Choice.GRANTED, claire, Recorder.RESIDENT, null, NOW));

      StoreException update =
          assertThrows(
              StoreException.class,
              () ->
                  store.write(
                      c -> {
                        StoreFixture.execute(c, "UPDATE consents SET choice = 'withdrawn'");
                        return null;
                      }));
      StoreException delete =
          assertThrows(
              StoreException.class,
              () ->
                  store.write(
                      c -> {
                        StoreFixture.execute(c, "DELETE FROM consents");
                        return null;
                      }));

      assertTrue(update.getMessage().contains("append-only"), update.getMessage());
      assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
      assertEquals(
          Choice.GRANTED,
          store.read(c -> store.consents.current(c, claire, a01)).orElseThrow().choice());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void append_managersGrantWithoutEvidence_isRefused(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long a01 = store.dwelling("A01", "101");
      long claire = store.resident("claire@example.org");
      long manager = store.manager("gestion@example.org");

      assertThrows(
          IllegalArgumentException.class,
          () ->
              store.write(
                  c ->
                      store.consents.append(
                          c, claire, a01, Choice.GRANTED, manager, Recorder.MANAGER, " ", NOW)));
      // the store's own check, for any other writer
      assertThrows(
          StoreException.class,
          () ->
              store.write(
                  c -> {
                    StoreFixture.execute(
                        c,
                        "INSERT INTO consents (account, dwelling, choice, recorded_at,"
                            + " recorded_by, recorder) VALUES ("
                            + claire
                            + ", "
                            + a01
                            + ", 'granted', 0, "
                            + manager
                            + ", 'manager')");
                    return null;
                  }));
      store.write(
          c ->
              store.consents.append(
                  c,
                  claire,
                  a01,
                  Choice.GRANTED,
                  manager,
                  Recorder.MANAGER,
                  "formulaire signé du 12/11/2026",
                  NOW));
      assertEquals(
          "formulaire signé du 12/11/2026",
          store.read(c -> store.consents.current(c, claire, a01)).orElseThrow().evidence());
    }
  }
}
