package io.releve.cloud.faults;

import io.releve.gateway.config.UplinkConfig;
import io.releve.gateway.store.Database;
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
    UplinkConfig config = TestUplinks.config(broker, "gw-killed", 200, 4, Duration.ofSeconds(2));
    Database database = Database.open(file, Clock.systemUTC());
    TestUplinks.start(config, database);
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
