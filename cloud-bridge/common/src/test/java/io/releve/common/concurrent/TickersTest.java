package io.releve.common.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TickersTest {

  @Test
  void aTicker_runsOnOneDaemonThreadNamedForItsWork() throws Exception {
    ScheduledExecutorService ticker = Tickers.daemon("db-checkpoint");
    try {
      AtomicReference<Thread> ran = new AtomicReference<>();
      ticker.submit(() -> ran.set(Thread.currentThread())).get(5, TimeUnit.SECONDS);
      assertEquals("db-checkpoint", ran.get().getName());
      assertTrue(ran.get().isDaemon(), "a ticker never keeps the program alive");
    } finally {
      Tickers.stop(ticker, Duration.ofSeconds(1));
    }
  }

  @Test
  void stop_interruptsTheRunningTask_dropsThePlannedOnes_andWaitsForTheEnd() throws Exception {
    ScheduledExecutorService ticker = Tickers.daemon("health");
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    ticker.submit(
        () -> {
          running.countDown();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            interrupted.countDown();
          }
        });
    ticker.schedule(() -> {}, 1, TimeUnit.HOURS);
    assertTrue(running.await(5, TimeUnit.SECONDS));

    assertTrue(Tickers.stop(ticker, Duration.ofSeconds(5)));
    assertEquals(0, interrupted.getCount());
    assertTrue(ticker.isTerminated());
    assertFalse(Thread.currentThread().isInterrupted());
  }
}
