package io.releve.portal.store;

import static io.releve.portal.store.StoreFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.store.StoreException;
import io.releve.cloud.store.StoreSettings.Engine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(120)
class AccountsTest {

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void byEmail_anyCase_findsTheOneAccount_andASecondIsRefused(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long claire = store.unprovenResident(" Claire@Example.ORG ");

      Account found = store.accounts.byEmail("CLAIRE@example.org").orElseThrow();
      assertEquals(claire, found.id());
      assertEquals("claire@example.org", found.email());
      assertFalse(found.isActivated());
      assertThrows(StoreException.class, () -> store.resident("claire@EXAMPLE.org"));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void activation_setsPasswordTermsAndPhone(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long claire = store.resident("claire@example.org");
      store.write(
          c -> {
            store.accounts.setPasswordHash(
                c, claire, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
            store.accounts.acceptTerms(c, claire, NOW);
            store.accounts.setPhone(c, claire, "+33612345678");
            store.accounts.setLang(c, claire, Lang.EN);
            return store.accounts.activate(c, claire, NOW);
          });

      Account account = store.accounts.byId(claire).orElseThrow();
      assertTrue(account.canLogIn());
      assertEquals(NOW, account.termsAcceptedAt());
      assertEquals("+33612345678", account.phone());
      assertEquals(Lang.EN, account.lang());
      assertFalse(account.toString().contains("argon2"), "toString hides the hash");
      assertFalse(store.changed(c -> store.accounts.activate(c, claire, NOW)), "once only");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void close_erasesPersonalFields_keepsTheRowForTheLedger(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long a01 = store.dwelling("A01", "101");
      long claire = store.resident("claire@example.org");
      store.residency(claire, a01, Method.CLIENT_REF, "2026-01-15", ResidencyState.ACTIVE);
      store.write(
          c -> {
            store.accounts.setPasswordHash(
                c, claire, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
            store.accounts.setPhone(c, claire, "0612345678");
            store.accounts.activate(c, claire, NOW);
            store.consents.append(
                c, claire, a01, Choice.GRANTED, claire, Recorder.RESIDENT, null, NOW);
            return null;
          });

      store.write(
          c -> {
            assertTrue(store.accounts.close(c, claire, NOW));
            store.residencies.endAll(c, claire, LocalDate.parse("2026-11-12"));
            store.consents.append(
                c, claire, a01, Choice.WITHDRAWN, claire, Recorder.RESIDENT, null, NOW);
            return null;
          });

      Account closed = store.accounts.byId(claire).orElseThrow();
      assertNull(closed.email());
      assertNull(closed.lastName());
      assertNull(closed.firstName());
      assertNull(closed.phone());
      assertNull(closed.passwordHash());
      assertEquals(NOW, closed.closedAt());
      assertFalse(closed.canLogIn());
      assertTrue(store.accounts.byEmail("claire@example.org").isEmpty());
      assertEquals(
          List.of(ResidencyState.ENDED),
          store.read(c -> store.residencies.ofAccount(c, claire)).stream()
              .map(Residency::state)
              .toList());
      // the address is free again for a new account
      store.resident("claire@example.org");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void audit_rowsOfAnActor_areListedOldestFirst(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long claire = store.resident("claire@example.org");
      store.audit.append(claire, "login", null, "192.0.2.1", "ok");
      store.write(
          c ->
              store.audit.append(
                  c, NOW.plusSeconds(5), claire, "consent.granted", "dwelling 1", null, "ok"));
      store.audit.append(null, "login", null, "192.0.2.9", "refused");

      List<AuditEntry> mine = store.read(c -> store.audit.byActor(c, claire));

      assertEquals(
          List.of("login", "consent.granted"), mine.stream().map(AuditEntry::action).toList());
      assertEquals(NOW, mine.get(0).at());
    }
  }
}
