package io.releve.cloud.faults;

import io.releve.contract.GatewayId;
import io.releve.gateway.config.UplinkConfig;
import io.releve.gateway.store.Database;
import io.releve.gateway.uplink.Uplink;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A gateway in a child JVM for {@link GatewayKillFaultTest}: the real store and the real uplink,
 * and in {@code write} mode a poll cycle of {@code meters} readings stored every few milliseconds,
 * announced by {@code writing N} just before its transaction and {@code committed SEQ} after it, so
 * that the parent can kill it inside one. In {@code drain} mode it only delivers.
 *
 * <p>Arguments: the database file, the broker URI, {@code write} or {@code drain}, the meters.
 */
public final class WritingGateway {

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String broker = args[1];
    boolean write = "write".equals(args[2]);
    int meters = Integer.parseInt(args[3]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    UplinkConfig config =
        new UplinkConfig(
            broker,
            "gw-killed",
            null,
            null,
            null,
            null,
            null,
            200,
            4,
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofHours(1));
    Database database = Database.open(file, Clock.systemUTC());
    Uplink.start(
        config,
        GatewayId.of(BrokerRestartFaultTest.GATEWAY),
        database,
        Clock.systemUTC(),
        "releve-test",
        null);
    out.println("started");
    if (!write) {
      Thread.sleep(Long.MAX_VALUE);
    }
    Instant at = Instant.now();
    for (long cycle = 0; ; cycle++) {
      at = at.plusSeconds(1);
      out.println("writing " + cycle);
      long seq = PollCycles.store(database, meters, at);
      out.println("committed " + seq);
      Thread.sleep(10);
    }
  }

  private WritingGateway() {}
}
