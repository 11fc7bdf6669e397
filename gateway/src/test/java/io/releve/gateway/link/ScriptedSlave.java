package io.releve.gateway.link;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A slave that answers each request it receives with the next answer of its script, and records
 * every request. Served over TCP on 127.0.0.1 (an ephemeral port), or over any pair of streams (the
 * slave end of a pseudo-terminal). Once the script runs out it stays silent.
 *
 * <p>Reads requests as the link layer frames them ({@link LinkFrames#frameLength}); whatever the
 * serving thread meets that it cannot handle is kept and rethrown by {@link #close()}, so a test
 * never passes over a broken slave.
 */
public final class ScriptedSlave implements AutoCloseable {

  /** What the slave sends in answer to one request. */
  @FunctionalInterface
  public interface Answer {
    List<Chunk> chunks(byte[] request);
  }

  /** Bytes written at once, after a pause. */
  public record Chunk(long pauseMillisBefore, byte[] bytes) {}

  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<byte[]> requests = new CopyOnWriteArrayList<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final ServerSocket server;
  private final Thread thread;
  private volatile OutputStream out;
  private volatile Socket socket;
  private volatile int pacedBaud;
  private volatile boolean closing;
  private final AutoCloseable streams;

  private ScriptedSlave(
      ServerSocket server, InputStream in, OutputStream out, AutoCloseable streams) {
    this.server = server;
    this.out = out;
    this.streams = streams;
    this.thread = new Thread(() -> serve(in), "scripted-slave");
    thread.setDaemon(true);
    thread.start();
  }

  /** A slave behind a TCP listener on 127.0.0.1; it serves the first connection. */
  public static ScriptedSlave tcp() throws IOException {
    ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    return new ScriptedSlave(server, null, null, null);
  }

  /** A slave reading requests from {@code in} and answering on {@code out}; closes both. */
  public static ScriptedSlave over(InputStream in, OutputStream out) {
    return new ScriptedSlave(
        null,
        in,
        out,
        () -> {
          try (in;
              out) {
            // closed in this order by try-with-resources
          }
        });
  }

  public int port() {
    return server.getLocalPort();
  }

  /**
   * Sends answers byte by byte at {@code baud} (11 bit times a character), as a real slave's UART
   * would: a pseudo-terminal delivers at once whatever the line speed.
   */
  public ScriptedSlave pacedAt(int baud) {
    this.pacedBaud = baud;
    return this;
  }

  /** Appends answers to the script. */
  public ScriptedSlave then(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  /** Writes {@code bytes} now, unasked: stale bytes or noise. */
  public synchronized void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Every request received so far, in order. */
  public List<byte[]> requests() {
    return List.copyOf(requests);
  }

  /** Waits until {@code count} requests came, then returns them all. */
  public List<byte[]> awaitRequests(int count, Duration timeout) {
    long until = System.nanoTime() + timeout.toNanos();
    while (requests.size() < count && System.nanoTime() < until) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
    return requests();
  }

  /** Answers left in the script. */
  public int unanswered() {
    return script.size();
  }

  // ---- answers ----

  /** {@code frames}, back to back, at once. */
  public static Answer reply(byte[]... frames) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] frame : frames) {
      all.writeBytes(frame);
    }
    byte[] bytes = all.toByteArray();
    return request -> List.of(new Chunk(0, bytes));
  }

  /** Nothing at all. */
  public static Answer silence() {
    return request -> List.of();
  }

  /** A copy of the request (what an echoing level converter returns), then {@code then}. */
  public static Answer echoThen(Answer then) {
    return request -> {
      List<Chunk> chunks = new ArrayList<>();
      chunks.add(new Chunk(0, request.clone()));
      chunks.addAll(then.chunks(request));
      return chunks;
    };
  }

  /** {@code parts} with {@code pauseMillis} of silence between them. */
  public static Answer split(long pauseMillis, byte[]... parts) {
    return request -> {
      List<Chunk> chunks = new ArrayList<>();
      for (int i = 0; i < parts.length; i++) {
        chunks.add(new Chunk(i == 0 ? 0 : pauseMillis, parts[i]));
      }
      return chunks;
    };
  }

  /** {@code then}, after {@code pauseMillis} of silence: a slow slave. */
  public static Answer after(long pauseMillis, Answer then) {
    return request -> {
      List<Chunk> chunks = new ArrayList<>();
      chunks.add(new Chunk(pauseMillis, new byte[0]));
      chunks.addAll(then.chunks(request));
      return chunks;
    };
  }

  /** {@code frame} cut into pieces of {@code size} bytes, {@code pauseMillis} apart. */
  public static Answer trickle(byte[] frame, int size, long pauseMillis) {
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < frame.length; i += size) {
      parts.add(Arrays.copyOfRange(frame, i, Math.min(frame.length, i + size)));
    }
    return split(pauseMillis, parts.toArray(new byte[0][]));
  }

  // ---- serving ----

  private void serve(InputStream given) {
    try {
      InputStream in = given;
      if (server != null) {
        socket = server.accept();
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
      }
      while (!closing) {
        byte[] request = readFrame(in);
        requests.add(request);
        Answer answer = script.poll();
        for (Chunk chunk : (answer == null ? silence() : answer).chunks(request)) {
          if (chunk.pauseMillisBefore() > 0) {
            Thread.sleep(chunk.pauseMillisBefore());
          }
          write(chunk.bytes());
        }
      }
    } catch (EOFException e) {
      // the master hung up: the end of the test
    } catch (IOException e) {
      if (!closing) {
        failures.add(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failures.add(e);
    }
  }

  private synchronized void write(byte[] bytes) throws IOException, InterruptedException {
    int baud = pacedBaud;
    if (baud == 0) {
      out.write(bytes);
      out.flush();
      return;
    }
    long characterNanos = TimeUnit.SECONDS.toNanos(LinkTiming.BITS_PER_CHARACTER) / baud;
    long start = System.nanoTime();
    for (int i = 0; i < bytes.length; i++) {
      long due = start + i * characterNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      out.write(bytes[i]);
      out.flush();
    }
  }

  /** One request, framed as EN 13757-2 says. */
  private static byte[] readFrame(InputStream in) throws IOException {
    byte[] frame = new byte[LinkFrames.MAX_L + LinkFrames.LONG_OVERHEAD];
    int have = 0;
    int length = 0;
    while (length == 0 || have < length) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException();
      }
      frame[have++] = (byte) b;
      length = LinkFrames.frameLength(frame, have);
    }
    return Arrays.copyOf(frame, length);
  }

  /** Stops serving; rethrows what went wrong on the serving thread, if anything. */
  @Override
  public void close() throws Exception {
    closing = true;
    if (server != null) {
      server.close();
    }
    if (socket != null) {
      socket.close();
    }
    if (streams != null) {
      streams.close();
    }
    // A thread blocked reading a pseudo-terminal wakes only when its other end goes away, which
    // the test does after this: do not wait long for it.
    thread.join(server != null ? TimeUnit.SECONDS.toMillis(5) : 200);
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError("The scripted slave failed", failures.get(0));
      failures.stream().skip(1).forEach(error::addSuppressed);
      throw error;
    }
  }
}
