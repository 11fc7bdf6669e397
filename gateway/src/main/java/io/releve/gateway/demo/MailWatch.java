package io.releve.gateway.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches the folder the portal writes its mails into and tells, for each new {@code .eml} file,
 * its recipient and its links ({@code mail to x@y: http://…/activation?token=…}). Mails there when
 * it is made are not told; those that come later are, once {@link #start()} is called. Looks twice
 * a second on a daemon thread until closed.
 */
public final class MailWatch implements AutoCloseable {

  static final Duration EVERY = Duration.ofMillis(500);

  private final Path folder;
  private final Consumer<String> print;
  private final Set<Path> seen = new HashSet<>();
  private final Thread thread;
  private volatile boolean closed;

  /**
   * Notes the mails already in {@code folder} (which may not exist yet); nothing is told before
   * {@link #start()}.
   *
   * @param print told one line per new mail; called from the watching thread
   */
  public MailWatch(Path folder, Consumer<String> print) {
    this.folder = folder;
    this.print = print;
    this.thread = new Thread(this::watch, "releve-demo-mail");
    this.thread.setDaemon(true);
    seen.addAll(mails());
  }

  /** Tells the mails that came since it was made, then each new one as it comes. */
  public void start() {
    thread.start();
  }

  private void watch() {
    while (!closed) {
      lookOnce();
      try {
        Thread.sleep(EVERY.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Tells the mails that arrived since the last look. */
  void lookOnce() {
    for (Path mail : mails()) {
      if (seen.add(mail)) {
        print.accept(describe(mail));
      }
    }
  }

  private String describe(Path mail) {
    try {
      MailLinks read = MailLinks.of(Files.readString(mail, StandardCharsets.UTF_8));
      return "mail to "
          + read.to()
          + (read.links().isEmpty() ? " (" + mail + ")" : ": " + String.join(" ", read.links()));
    } catch (IOException | RuntimeException e) {
      return "mail " + mail + " (cannot be read: " + e.getMessage() + ")";
    }
  }

  /** The mails in the folder, in name order (the portal names them by time); none when missing. */
  private List<Path> mails() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList();
    } catch (IOException e) {
      return List.of(); // looked at again half a second later
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(EVERY.multipliedBy(4).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
