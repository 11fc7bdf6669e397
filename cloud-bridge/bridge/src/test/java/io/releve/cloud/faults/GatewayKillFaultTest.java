package io.releve.cloud.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.cloud.TestStores;
import io.releve.cloud.store.StoreSettings;
import io.releve.testkit.ChildJvm;
import io.releve.testkit.MosquittoBroker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's JVM is killed with SIGKILL inside the transaction of a 300-reading poll cycle,
 * three times, while it publishes; each time it starts again on the same database. Every reading
 * committed before a kill reaches the cloud exactly once; the cycle being written when it died is
 * not in the gateway, and so not in the cloud.
 */
@Timeout(300)
class GatewayKillFaultTest {

  private static final int METERS = 300;

  @TempDir Path folder;

  @Test
  void everyCommittedReadingReachesTheCloudExactlyOnceThroughThreeKills() throws Exception {
    Path gatewayDb = folder.resolve("gateway.db");
    StoreSettings cloudStore = TestStores.fresh(folder);
    try (MosquittoBroker broker = MosquittoBroker.start();
        RunningBridge bridge = RunningBridge.start(broker, cloudStore)) {
      long committedBeforeKills = 0;
      for (int kill = 1; kill <= 3; kill++) {
        Path stderr = folder.resolve("gateway-" + kill + ".err");
        Process child =
            ChildJvm.start(
                WritingGateway.class,
                stderr,
                gatewayDb.toString(),
                broker.uri(),
                "write",
                Integer.toString(METERS));
        try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
          int commits = 5 + ThreadLocalRandom.current().nextInt(10);
          int seen = 0;
          while (true) {
            String line = ChildJvm.readLine(out, child, stderr, "kill " + kill);
            if (line.startsWith("committed ")) {
              committedBeforeKills = Long.parseLong(line.substring("committed ".length()));
              seen++;
            } else if (line.startsWith("writing ") && seen >= commits) {
              // its transaction is starting: kill it inside
              child.destroyForcibly();
              assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child died");
              break;
            }
          }
        }
      }
      Path stderr = folder.resolve("gateway-drain.err");
      Process drain =
          ChildJvm.start(
              WritingGateway.class,
              stderr,
              gatewayDb.toString(),
              broker.uri(),
              "drain",
              Integer.toString(METERS));
      try {
        long last = CloudStore.gatewayRows(gatewayDb).lastKey();
        assertTrue(last >= committedBeforeKills, "nothing committed was lost by the gateway");
        Await.until(
            "the cloud holding every row up to " + last,
            () ->
                CloudStore.contiguous(
                        cloudStore, BrokerRestartFaultTest.GATEWAY, CloudStore.epoch(gatewayDb))
                    == last);
      } finally {
        drain.destroy();
        drain.waitFor(10, TimeUnit.SECONDS);
      }
      CloudStore.assertExactlyOnce(gatewayDb, cloudStore, BrokerRestartFaultTest.GATEWAY);
    }
  }
}
