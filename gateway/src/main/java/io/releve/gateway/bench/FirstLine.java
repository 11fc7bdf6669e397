package io.releve.gateway.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A child process's first line on stdout that starts with a prefix (its "I am up" line), read on a
 * daemon thread that then keeps draining stdout until the child ends, since a full pipe would block
 * it.
 */
public final class FirstLine {

  private FirstLine() {}

  /**
   * Starts the reading thread.
   *
   * @return completes with the line, with null when stdout ended first, or exceptionally when
   *     reading it failed
   */
  public static CompletableFuture<String> of(Process process, String prefix, String threadName) {
    CompletableFuture<String> first = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.startsWith(prefix)) {
                    first.complete(line);
                  }
                }
                first.complete(null);
              } catch (IOException e) {
                first.completeExceptionally(e);
              }
            },
            threadName);
    reader.setDaemon(true);
    reader.start();
    return first;
  }
}
