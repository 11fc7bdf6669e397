package io.releve.gateway.bench;

import io.releve.gateway.decode.DecodedFrame;
import io.releve.gateway.decode.DecodedRecord;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.Hex;
import io.releve.gateway.decode.WiredFrameDecoder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openmuc.jmbus.DataRecord;
import org.openmuc.jmbus.DecodingException;
import org.openmuc.jmbus.MBusMessage;
import org.openmuc.jmbus.VariableDataStructure;

/**
 * Decode throughput of {@link WiredFrameDecoder} against raw jmbus ({@code MBusMessage.decode} plus
 * every record's value) on the same frames, in the same JVM (DESIGN §9: ours ≥ 0.9 × jmbus). A
 * warm-up runs both; then rounds alternate the two, swapping which goes first, so that JIT, garbage
 * collection and CPU frequency drift hit both alike.
 */
public final class DecodeBenchmark {
  public static final double TARGET_RATIO = 0.90;

  /** The built-in frames: real frames from libmbus' test suite, see the resource's README. */
  static final String FRAMES_RESOURCE = "/bench/wired-frames.txt";

  private static final int ROUNDS = 10;

  /** Share of the run time spent warming up. */
  private static final double WARM_UP_SHARE = 0.2;

  private final List<byte[]> frames;
  private final WiredFrameDecoder decoder = new WiredFrameDecoder();

  /** Keeps the JIT from discarding the work; never read for a result. */
  private long sink;

  /**
   * @param jmbusFramesPerSecond raw jmbus throughput
   * @param releveFramesPerSecond our decoder's throughput
   * @param frames distinct frames in the set
   * @param rounds measured rounds of each
   */
  public record Result(
      double jmbusFramesPerSecond, double releveFramesPerSecond, int frames, int rounds) {
    /** Ours divided by jmbus. */
    public double ratio() {
      return releveFramesPerSecond / jmbusFramesPerSecond;
    }
  }

  public DecodeBenchmark(List<byte[]> frames) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("The benchmark needs at least one frame.");
    }
    this.frames = List.copyOf(frames);
  }

  /** Loads the built-in frames (one hex frame a line, '#' comments). */
  public static List<byte[]> builtInFrames() {
    InputStream stream = DecodeBenchmark.class.getResourceAsStream(FRAMES_RESOURCE);
    if (stream == null) {
      throw new IllegalStateException("Resource " + FRAMES_RESOURCE + " is missing from the jar.");
    }
    List<byte[]> frames = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.US_ASCII))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String text = line.strip();
        if (!text.isEmpty() && !text.startsWith("#")) {
          frames.add(Hex.parse(text));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading " + FRAMES_RESOURCE + " failed", e);
    } catch (FrameRejectedException e) {
      throw new IllegalStateException(FRAMES_RESOURCE + " holds bad hex: " + e.getMessage(), e);
    }
    return frames;
  }

  /** Runs for about {@code total}, warm-up included. */
  public Result run(Duration total) {
    long totalNanos = total.toNanos();
    long warmUpSlice = (long) (totalNanos * WARM_UP_SHARE / 4);
    for (int i = 0; i < 2; i++) {
      timeJmbus(warmUpSlice);
      timeReleve(warmUpSlice);
    }
    long slice = (long) (totalNanos * (1 - WARM_UP_SHARE) / (2 * ROUNDS));
    long jmbusFrames = 0;
    long jmbusNanos = 0;
    long releveFrames = 0;
    long releveNanos = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long[] first = round % 2 == 0 ? timeJmbus(slice) : timeReleve(slice);
      long[] second = round % 2 == 0 ? timeReleve(slice) : timeJmbus(slice);
      long[] jmbus = round % 2 == 0 ? first : second;
      long[] releve = round % 2 == 0 ? second : first;
      jmbusFrames += jmbus[0];
      jmbusNanos += jmbus[1];
      releveFrames += releve[0];
      releveNanos += releve[1];
    }
    if (sink == 42) {
      System.err.print(""); // never true in practice; makes the sink observable
    }
    return new Result(
        jmbusFrames * 1e9 / jmbusNanos, releveFrames * 1e9 / releveNanos, frames.size(), ROUNDS);
  }

  /** Whole passes over the frame set until {@code nanos} elapse: {frames decoded, nanos taken}. */
  private long[] timeJmbus(long nanos) {
    long start = System.nanoTime();
    long count = 0;
    long now;
    do {
      for (byte[] frame : frames) {
        sink += decodeWithJmbus(frame);
      }
      count += frames.size();
      now = System.nanoTime();
    } while (now - start < nanos);
    return new long[] {count, now - start};
  }

  private long[] timeReleve(long nanos) {
    long start = System.nanoTime();
    long count = 0;
    long now;
    do {
      for (byte[] frame : frames) {
        sink += decodeWithReleve(frame);
      }
      count += frames.size();
      now = System.nanoTime();
    } while (now - start < nanos);
    return new long[] {count, now - start};
  }

  private static long decodeWithJmbus(byte[] frame) {
    try {
      VariableDataStructure data =
          MBusMessage.decode(frame, frame.length).getVariableDataResponse();
      data.decode();
      long touched = 0;
      for (DataRecord record : data.getDataRecords()) {
        Object value = record.getDataValue();
        switch (record.getDataValueType()) {
          case LONG, DOUBLE, BCD -> touched += record.getScaledDataValue().hashCode();
          default -> touched += value == null ? 0 : 1;
        }
      }
      return touched;
    } catch (IOException | DecodingException e) {
      throw new IllegalStateException("jmbus rejected a benchmark frame: " + e.getMessage(), e);
    }
  }

  private long decodeWithReleve(byte[] frame) {
    try {
      DecodedFrame decoded = decoder.decode(frame);
      long touched = 0;
      for (DecodedRecord record : decoded.records()) {
        touched += record.value().hashCode();
      }
      return touched;
    } catch (FrameRejectedException e) {
      throw new IllegalStateException("A benchmark frame was rejected: " + e.getMessage(), e);
    }
  }
}
