package io.releve.cloud.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.releve.cloud.Batches;
import io.releve.cloud.TestStores;
import io.releve.cloud.store.Database;
import io.releve.cloud.store.StoreSettings;
import io.releve.cloud.store.StoreSettings.Engine;
import io.releve.contract.GatewayId;
import io.releve.contract.Json;
import io.releve.contract.ReadingEntry;
import io.releve.contract.ReadingsMessage;
import io.releve.contract.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several bridge instances, each with several workers, store the same gateways' batches at once, in
 * a shuffled order with redeliveries, as shared subscriptions deliver them: every reading is stored
 * once, and the highest ack each gateway receives covers every seq it sent. On PostgreSQL the
 * instances are two {@link Database}s (two connection pools) on one database; on SQLite, where one
 * instance is the rule, one database shared by all the workers.
 */
@Timeout(120)
class ConcurrentIngestTest {

  private static final int GATEWAYS = 4;
  private static final int BATCHES = 40;
  private static final int BATCH_SIZE = 50;
  private static final int WORKERS = 8;

  @TempDir Path folder;

  record Delivery(GatewayId gateway, UUID epoch, byte[] payload) {}

  @Test
  void shuffledAndRedeliveredBatches_onSeveralInstances_areStoredOnce_andFullyAcked()
      throws Exception {
    StoreSettings store = TestStores.fresh(folder);
    int instances = TestStores.engine() == Engine.POSTGRESQL ? 2 : 1;
    List<Database> databases = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      databases.add(Database.open(store, Clock.systemUTC()));
    }
    try {
      List<Delivery> deliveries = deliveries(new Random(42));
      Map<GatewayId, Long> highestAck = new ConcurrentHashMap<>();
      ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int d = 0; d < deliveries.size(); d++) {
          Delivery delivery = deliveries.get(d);
          Ingest ingest = new Ingest(databases.get(d % instances));
          done.add(
              workers.submit(
                  () -> {
                    Outcome outcome =
                        ingest.handle(Topics.upReadings(delivery.gateway()), delivery.payload());
                    if (outcome instanceof Outcome.Acked acked) {
                      highestAck.merge(delivery.gateway(), acked.ack().ackedSeq(), Math::max);
                    }
                  }));
        }
        for (Future<?> each : done) {
          each.get(60, TimeUnit.SECONDS);
        }
      } finally {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
      }

      long perGateway = (long) BATCHES * BATCH_SIZE;
      for (int g = 0; g < GATEWAYS; g++) {
        assertEquals(perGateway, highestAck.get(gateway(g)), "the highest ack of " + gateway(g));
      }
      assertEquals(
          List.of(String.valueOf(GATEWAYS * perGateway) + "|" + GATEWAYS * perGateway),
          QueryRows.of(
              databases.get(0),
              "SELECT count(*), count(DISTINCT gateway || '/' || epoch || '/' || seq)"
                  + " FROM readings"));
      assertEquals(
          Collections.nCopies(GATEWAYS, String.valueOf(perGateway)),
          QueryRows.of(databases.get(0), "SELECT contiguous_seq FROM epochs ORDER BY gateway"));
    } finally {
      for (Database database : databases) {
        database.close();
      }
    }
  }

  private static GatewayId gateway(int g) {
    return GatewayId.of("rl04" + g + "-gw1");
  }

  /** Every batch of every gateway once, a fifth of them twice, in a shuffled order. */
  private static List<Delivery> deliveries(Random random) {
    List<Delivery> deliveries = new ArrayList<>();
    for (int g = 0; g < GATEWAYS; g++) {
      GatewayId gateway = gateway(g);
      UUID epoch = new UUID(g + 1, 42);
      for (int b = 0; b < BATCHES; b++) {
        long first = (long) b * BATCH_SIZE + 1;
        List<ReadingEntry> entries =
            LongStream.range(first, first + BATCH_SIZE).mapToObj(Batches::reading).toList();
        byte[] payload = Json.write(new ReadingsMessage(gateway, epoch, entries));
        deliveries.add(new Delivery(gateway, epoch, payload));
        if (random.nextInt(5) == 0) {
          deliveries.add(new Delivery(gateway, epoch, payload));
        }
      }
    }
    Collections.shuffle(deliveries, random);
    return deliveries;
  }
}
