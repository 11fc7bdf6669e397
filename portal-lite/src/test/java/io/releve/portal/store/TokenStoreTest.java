package io.releve.portal.store;

import static io.releve.portal.store.StoreFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.cloud.store.StoreSettings.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(120)
class TokenStoreTest {

  private static final String HASH = "a".repeat(64);

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void consume_unusedToken_returnsTheAccountOnce(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long account = store.resident("claire@example.org");
      store.write(
          c -> {
            store.tokens.insert(
                c, HASH, account, TokenPurpose.ACTIVATION, NOW, NOW.plus(Duration.ofHours(24)));
            return null;
          });

      assertEquals(Optional.of(account), store.tokens.consume(HASH, TokenPurpose.ACTIVATION));
      assertEquals(Optional.empty(), store.tokens.consume(HASH, TokenPurpose.ACTIVATION));
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void consume_expiredToken_returnsNothing(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long account = store.resident("claire@example.org");
      store.write(
          c -> {
            store.tokens.insert(
                c, HASH, account, TokenPurpose.RESET, NOW.minus(Duration.ofHours(2)), NOW);
            return null;
          });

      assertEquals(
          Optional.empty(),
          store.write(c -> store.tokens.peek(c, HASH, TokenPurpose.RESET, NOW)),
          "expired at its expiry instant");
      assertEquals(Optional.empty(), store.tokens.consume(HASH, TokenPurpose.RESET));
      assertEquals(
          Optional.of(account),
          store.write(c -> store.tokens.consume(c, HASH, TokenPurpose.RESET, NOW.minusMillis(1))),
          "still good a millisecond before");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void consume_tokenOfAnotherPurposeOrRevoked_returnsNothing(Engine engine) {
    try (StoreFixture store = new StoreFixture(engine, folder)) {
      long account = store.resident("claire@example.org");
      String other = "b".repeat(64);
      store.write(
          c -> {
            store.tokens.insert(c, HASH, account, TokenPurpose.RESET, NOW, NOW.plusSeconds(3600));
            store.tokens.insert(c, other, account, TokenPurpose.RESET, NOW, NOW.plusSeconds(3600));
            return null;
          });

      assertEquals(Optional.empty(), store.tokens.consume(HASH, TokenPurpose.ACTIVATION));
      assertEquals(
          2, (int) store.write(c -> store.tokens.revokeAll(c, account, TokenPurpose.RESET, NOW)));
      assertEquals(Optional.empty(), store.tokens.consume(other, TokenPurpose.RESET));
      assertEquals(Optional.empty(), store.tokens.consume("not-a-hash", TokenPurpose.RESET));
    }
  }
}
