package io.releve.gateway.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class RtlWmbusReceiverTest {

  /** A Sensus iPERL water meter, clear (wmbusmeters' golden telegram). */
  static final String IPERL = "1844AE4C4455223368077A55000000041389E20100023B0000";

  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path folder;

  static String line(String mode, int level, String hex) {
    return mode + ";1;1;2025-03-01 11:00:00.000;" + level + ";70;33225544;0x" + hex;
  }

  private final List<RadioFrame> frames = new CopyOnWriteArrayList<>();
  private final List<String> events = new CopyOnWriteArrayList<>();

  private final RadioReceiver.ReceiverEvents recorder = new EventLog(events);

  private static RtlWmbusReceiver command(String command) {
    return new RtlWmbusReceiver(
        "rtlwmbus.test",
        Optional.of(command),
        Optional.empty(),
        Optional.of(-160),
        CLOCK,
        Duration.ofMillis(50),
        Duration.ofMillis(200));
  }

  @Test
  void parse_goodLine_givesModeLevelAndTelegram() {
    RtlWmbusLine parsed = RtlWmbusLine.parse(line("C1", 91, IPERL));

    assertEquals(LinkMode.C1, parsed.mode());
    assertEquals(91, parsed.packetLevel());
    assertEquals(IPERL, HexFormat.of().withUpperCase().formatHex(parsed.telegram()));
    assertEquals(Optional.of(-69), parsed.rssiDbm(Optional.of(-160)));
    assertEquals(Optional.empty(), parsed.rssiDbm(Optional.empty()));
  }

  @Test
  void parse_damagedOrForeignLines_sayWhatIsWrong() {
    assertEquals(
        "was received damaged (CRC_OK 0, 3OUTOF6_OK 1).",
        assertThrows(
                IllegalArgumentException.class,
                () -> RtlWmbusLine.parse("T1;0;1;2025-03-01 11:00:00.000;91;70;1;0x" + IPERL))
            .getMessage());
    assertEquals(
        "has mode [N1], not T1, C1 or S1.",
        assertThrows(IllegalArgumentException.class, () -> RtlWmbusLine.parse(line("N1", 9, IPERL)))
            .getMessage());
    assertEquals(
        "has 1 fields separated by ';', not 8.",
        assertThrows(
                IllegalArgumentException.class, () -> RtlWmbusLine.parse("Tuned to 868950000 Hz."))
            .getMessage());
    assertEquals(
        "has a datagram of 3 bytes, fewer than 11.",
        assertThrows(
                IllegalArgumentException.class, () -> RtlWmbusLine.parse(line("T1", 9, "184400")))
            .getMessage());
  }

  @Test
  void command_goodAndBadLines_deliversFramesAndCountsGarbage() throws Exception {
    Path output = folder.resolve("out.txt");
    Files.writeString(
        output, line("T1", 90, IPERL) + "\nnot rtl_wmbus\n" + line("S1", 60, IPERL) + "\n");
    try (RtlWmbusReceiver receiver = command("cat " + output + "; sleep 30")) {
      receiver.start(frames::add, recorder);
      awaitUntil(() -> frames.size() == 2);

      assertEquals(List.of("garbage rtlwmbus.test: 14"), events);
      RadioFrame first = frames.get(0);
      assertEquals(Optional.of(-70), first.rssiDbm());
      assertEquals(Optional.of(LinkMode.T1), first.mode());
      assertEquals(CLOCK.instant(), first.receivedAt());
      assertEquals("rtlwmbus.test", first.receiver());
      assertEquals(Optional.of(LinkMode.S1), frames.get(1).mode());
    }
  }

  @Test
  void command_thatExits_isReportedLostThenRestartedAndRecovered() throws Exception {
    try (RtlWmbusReceiver receiver =
        command(
            "printf '%s\\n' '"
                + line("T1", 90, IPERL)
                + "'; echo 'usb_open error -3' >&2; exit 1")) {
      receiver.start(frames::add, recorder);
      awaitUntil(() -> events.contains("recovered rtlwmbus.test"));
    }

    assertEquals(
        "lost rtlwmbus.test: the command exited with status 1: usb_open error -3", events.get(0));
    assertEquals("recovered rtlwmbus.test", events.get(1));
    assertTrue(frames.size() >= 2);
  }

  @Test
  void pipe_recordedFile_isReadOnceThenTheReaderStops() throws Exception {
    Path recording = folder.resolve("recording.txt");
    Files.writeString(recording, line("T1", 90, IPERL) + "\n");
    RtlWmbusReceiver receiver =
        new RtlWmbusReceiver(
            "rtlwmbus.file",
            Optional.empty(),
            Optional.of(recording),
            Optional.empty(),
            CLOCK,
            Duration.ofMillis(50),
            Duration.ofMillis(200));
    try (receiver) {
      receiver.start(frames::add, recorder);
      awaitUntil(receiver::finished);
    }

    assertEquals(1, frames.size());
    assertEquals(Optional.empty(), frames.get(0).rssiDbm());
    assertEquals(List.of(), events);
  }

  @Test
  void pipe_missing_refusesToStart() {
    RtlWmbusReceiver receiver =
        new RtlWmbusReceiver(
            "rtlwmbus.fifo",
            Optional.empty(),
            Optional.of(folder.resolve("nowhere")),
            Optional.empty(),
            CLOCK,
            Duration.ofMillis(50),
            Duration.ofMillis(200));

    assertEquals(
        "rtlwmbus.fifo: the pipe " + folder.resolve("nowhere") + " does not exist.",
        assertThrows(java.io.IOException.class, () -> receiver.start(frames::add, recorder))
            .getMessage());
  }

  private static RtlWmbusReceiver silentAfter(String command, Duration silenceLimit) {
    return new RtlWmbusReceiver(
        "rtlwmbus.test",
        Optional.of(command),
        Optional.empty(),
        Optional.empty(),
        CLOCK,
        Duration.ofMillis(50),
        Duration.ofMillis(200),
        silenceLimit);
  }

  private static RtlWmbusReceiver fifo(Path fifo) {
    return new RtlWmbusReceiver(
        "rtlwmbus.fifo",
        Optional.empty(),
        Optional.of(fifo),
        Optional.empty(),
        CLOCK,
        Duration.ofMillis(50),
        Duration.ofMillis(200),
        Duration.ofSeconds(1));
  }

  private Path mkfifo(String name) throws Exception {
    Path fifo = folder.resolve(name);
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    return fifo;
  }

  private static long[] pids(Path file) throws Exception {
    awaitUntil(() -> Files.exists(file) && Files.readString(file).endsWith("\n"));
    String[] words = Files.readString(file).strip().split(" ");
    return new long[] {Long.parseLong(words[0]), Long.parseLong(words[1])};
  }

  private static void awaitUntil(IoCondition condition) throws Exception {
    while (!condition.holds()) {
      Thread.sleep(10);
    }
  }

  @FunctionalInterface
  private interface IoCondition {
    boolean holds() throws Exception;
  }

  @Test
  void command_whoseFrameConsumerThrows_goesOnDeliveringTheNextLines() throws Exception {
    Path output = folder.resolve("out.txt");
    Files.writeString(output, line("T1", 90, IPERL) + "\n" + line("S1", 60, IPERL) + "\n");
    try (RtlWmbusReceiver receiver = command("cat " + output + "; sleep 30")) {
      receiver.start(
          frame -> {
            frames.add(frame);
            if (frames.size() == 1) {
              throw new IllegalStateException("consumer broke");
            }
          },
          recorder);
      awaitUntil(() -> frames.size() == 2);
    }

    assertEquals(Optional.of(LinkMode.S1), frames.get(1).mode());
  }

  @Test
  void command_whoseLossConsumerThrows_isStillRestarted() throws Exception {
    RadioReceiver.ReceiverEvents throwing =
        new RadioReceiver.ReceiverEvents() {
          @Override
          public void lost(String receiver, String reason) {
            events.add("lost " + receiver);
            throw new IllegalStateException("consumer broke");
          }
        };
    try (RtlWmbusReceiver receiver =
        command("printf '%s\\n' '" + line("T1", 90, IPERL) + "'; exit 1")) {
      receiver.start(frames::add, throwing);
      awaitUntil(() -> frames.size() >= 2);
    }

    assertEquals("lost rtlwmbus.test", events.get(0));
  }

  @Test
  void close_commandThatIgnoresSigterm_killsItAndItsChildren() throws Exception {
    Path pidFile = folder.resolve("pids");
    RtlWmbusReceiver receiver =
        command(
            "trap '' TERM; sleep 30 & echo $$ $! > "
                + pidFile
                + "; printf '%s\\n' '"
                + line("T1", 90, IPERL)
                + "'; wait");
    receiver.start(frames::add, recorder);
    long[] pids = pids(pidFile);
    awaitUntil(() -> frames.size() == 1);

    receiver.close();

    for (long pid : pids) {
      Optional<ProcessHandle> left = ProcessHandle.of(pid);
      left.ifPresent(p -> p.onExit().orTimeout(3, TimeUnit.SECONDS).join());
      assertFalse(left.map(ProcessHandle::isAlive).orElse(false), "process " + pid + " alive");
    }
    assertTrue(receiver.finished());
  }

  @Test
  void command_silentForTheSilenceLimit_isReportedLostThenRestartedAndRecovered() throws Exception {
    try (RtlWmbusReceiver receiver =
        silentAfter(
            "printf '%s\\n' '" + line("T1", 90, IPERL) + "'; sleep 30", Duration.ofSeconds(1))) {
      receiver.start(frames::add, recorder);
      awaitUntil(() -> events.contains("recovered rtlwmbus.test"));
    }

    assertEquals(
        List.of("lost rtlwmbus.test: no line for 1 s", "recovered rtlwmbus.test"),
        events.subList(0, 2));
    assertTrue(frames.size() >= 2);
  }

  @Test
  void pipe_silentForTheSilenceLimit_isReportedLost() throws Exception {
    Path fifo = mkfifo("silent.fifo");
    try (RtlWmbusReceiver receiver = fifo(fifo)) {
      receiver.start(frames::add, recorder);
      try (OutputStream writer = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
        writer.write((line("T1", 90, IPERL) + "\n").getBytes(StandardCharsets.US_ASCII));
        writer.flush();
        awaitUntil(() -> !events.isEmpty());
      }
    }

    assertEquals(1, frames.size());
    assertEquals("lost rtlwmbus.fifo: no line for 1 s", events.get(0));
  }

  @Test
  void close_pipeWithoutWriter_stopsTheReader() throws Exception {
    Path fifo = mkfifo("nobody.fifo");
    RtlWmbusReceiver receiver = fifo(fifo);
    receiver.start(frames::add, recorder);
    Thread.sleep(100); // lets the reader block in open(2)

    receiver.close();

    assertTrue(receiver.finished());
  }
}
