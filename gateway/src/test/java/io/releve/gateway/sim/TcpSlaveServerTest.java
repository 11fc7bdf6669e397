package io.releve.gateway.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.releve.gateway.link.FoundMeter;
import io.releve.gateway.link.LinkException;
import io.releve.gateway.link.LinkFrames;
import io.releve.gateway.link.LinkSettings;
import io.releve.gateway.link.MBusMaster;
import io.releve.gateway.link.Readout;
import io.releve.gateway.link.ScanListener;
import io.releve.gateway.link.SecondaryScan;
import io.releve.gateway.transport.TcpByteStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The virtual slaves behind a TCP serial server, read by the real master of the link layer. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TcpSlaveServerTest {
  private static final int BAUD = 9600;

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private static SimulatedBus bus(int baud, VirtualSlave... slaves) {
    return new SimulatedBus("tcp-test", BusTiming.minimumDelay(baud), List.of(slaves));
  }

  private TcpSlaveServer serve(SimulatedBus bus) throws IOException {
    TcpSlaveServer server = TcpSlaveServer.start(bus);
    open.add(server);
    return server;
  }

  private MBusMaster master(TcpSlaveServer server, int retries) throws IOException {
    MBusMaster master =
        new MBusMaster(
            TcpByteStream.open(
                server.host(), server.port(), server.bus().timing().baud(), Duration.ofSeconds(5)),
            new LinkSettings(retries, 16, true));
    open.add(master);
    return master;
  }

  @Test
  void start_bindsLoopbackOnly() throws IOException {
    TcpSlaveServer server = serve(bus(BAUD));

    assertEquals("127.0.0.1", server.host());
    assertTrue(server.port() > 0);
  }

  @Test
  void readPrimary_oneTelegram_returnsTheMetersFrame() throws IOException {
    TestMeter meter = TestMeter.single("12345678");
    MBusMaster master = master(serve(bus(BAUD, new VirtualSlave(meter, 5))), 2);

    Readout readout = master.readPrimary(5);

    assertEquals(5, readout.replyAddress());
    assertEquals(1, readout.telegrams().size());
    assertFalse(readout.capped());
    assertEquals(1234, TestMeter.litres(readout.telegrams().get(0)));
    assertEquals(0, master.counters().retries());
  }

  @Test
  void readPrimary_multiTelegramMeter_readsEveryTelegramInOrder() throws IOException {
    TestMeter meter = new TestMeter("12345678", 3, 100);
    MBusMaster master = master(serve(bus(BAUD, new VirtualSlave(meter, 5))), 2);

    Readout readout = master.readPrimary(5);

    assertEquals(List.of(100, 101, 102), litres(readout));
    assertEquals(1, meter.readouts());
  }

  @Test
  void readPrimary_twice_startsANewReadoutEachTime() throws IOException {
    TestMeter meter = new TestMeter("12345678", 2, 100);
    MBusMaster master = master(serve(bus(BAUD, new VirtualSlave(meter, 5))), 2);

    master.readPrimary(5);
    Readout second = master.readPrimary(5);

    assertEquals(List.of(100, 101), litres(second));
    assertEquals(2, meter.readouts());
  }

  @Test
  void readPrimary_replyDropped_retryWithSameFcbGetsTheSameTelegram() throws IOException {
    TestMeter meter = new TestMeter("12345678", 3, 100);
    VirtualSlave slave = new VirtualSlave(meter, 5);
    MBusMaster master = master(serve(bus(BAUD, slave)), 2);
    slave.faults().dropNext(1);

    Readout readout = master.readPrimary(5);

    assertEquals(List.of(100, 101, 102), litres(readout), "the lost telegram is repeated");
    assertEquals(1, master.counters().retries());
    assertEquals(1, master.counters().timeouts());
    assertEquals(1, meter.readouts());
  }

  @Test
  void readPrimary_checksumCorrupted_isRetriedAndRead() throws IOException {
    TestMeter meter = new TestMeter("12345678", 2, 100);
    VirtualSlave slave = new VirtualSlave(meter, 5);
    MBusMaster master = master(serve(bus(BAUD, slave)), 2);
    slave.faults().corruptNext(2);

    Readout readout = master.readPrimary(5);

    assertEquals(List.of(100, 101), litres(readout));
    assertEquals(2, master.counters().badFrames());
    assertEquals(2, master.counters().retries());
  }

  @Test
  void readPrimary_slaveAnswersUnderAnotherAddress_failsWithWrongAddress() throws IOException {
    VirtualSlave slave = new VirtualSlave(TestMeter.single("12345678"), 5);
    MBusMaster master = master(serve(bus(BAUD, slave)), 1);
    slave.faults().wrongAddress(true);

    LinkException e = assertThrows(LinkException.class, () -> master.readPrimary(5));

    assertEquals(LinkException.Kind.WRONG_ADDRESS, e.kind());
  }

  @Test
  void readPrimary_silentSlave_failsWithNoReply() throws IOException {
    VirtualSlave slave = new VirtualSlave(TestMeter.single("12345678"), 5);
    MBusMaster master = master(serve(bus(BAUD, slave)), 1);
    slave.faults().silent(true);

    LinkException e = assertThrows(LinkException.class, () -> master.readPrimary(5));

    assertEquals(LinkException.Kind.NO_REPLY, e.kind());
  }

  @Test
  void readPrimary_echoingConverter_echoIsSuppressed() throws IOException {
    TestMeter meter = new TestMeter("12345678", 2, 100);
    SimulatedBus bus = bus(BAUD, new VirtualSlave(meter, 5)).echo(true);
    MBusMaster master = master(serve(bus), 2);

    Readout readout = master.readPrimary(5);

    assertEquals(List.of(100, 101), litres(readout));
    assertEquals(3, master.counters().echoesSuppressed(), "SND_NKE and two REQ_UD2");
    assertEquals(0, master.counters().retries());
  }

  @Test
  void readSecondary_selectsTheMeterAndReadsItThroughFd() throws IOException {
    TestMeter wanted = new TestMeter("12345678", 2, 100);
    TestMeter other = new TestMeter("12345679", 1, 500);
    MBusMaster master =
        master(serve(bus(BAUD, new VirtualSlave(wanted, 0), new VirtualSlave(other, 0))), 2);

    Readout readout = master.readSecondary(wanted.address());

    assertEquals(List.of(100, 101), litres(readout));
    assertEquals(0, other.readouts());
  }

  @Test
  void scanSecondary_idsSharingLongPrefixes_findsEveryMeter() throws IOException {
    List<String> ids = List.of("12345678", "12345679", "12345600", "12340000", "90000001");
    List<VirtualSlave> slaves = new ArrayList<>();
    for (String id : ids) {
      slaves.add(new VirtualSlave(new TestMeter(id, 2, 100), 0));
    }
    // no retry: each empty branch costs one reply window, about 0.14 s over TCP at 9600 baud
    MBusMaster master = master(serve(bus(BAUD, slaves.toArray(new VirtualSlave[0]))), 0);

    SecondaryScan scan = master.scanSecondary(ScanListener.NONE);

    Set<String> found = new TreeSet<>();
    for (FoundMeter meter : scan.meters()) {
      found.add(meter.secondary().identity().id());
      assertEquals(2, meter.telegrams().size());
    }
    assertEquals(new TreeSet<>(ids), found);
    assertTrue(scan.unresolved().isEmpty());
    assertTrue(master.counters().collisions() > 0, "shared prefixes must collide first");
    for (VirtualSlave slave : slaves) {
      assertFalse(slave.isSelected(), "the scan deselects at the end");
    }
  }

  @Test
  void scanPrimary_range_findsMetersAtBothEndsAndBetween() throws IOException {
    List<Integer> addresses = List.of(70, 71, 77, 80);
    List<VirtualSlave> slaves = new ArrayList<>();
    for (int address : addresses) {
      slaves.add(
          new VirtualSlave(TestMeter.single(String.format("%08d", 1000 + address)), address));
    }
    // no retry: each empty address costs one reply window, about 0.14 s over TCP at 9600 baud
    MBusMaster master = master(serve(bus(BAUD, slaves.toArray(new VirtualSlave[0]))), 0);
    List<FoundMeter> told = new ArrayList<>();
    ScanListener listener =
        new ScanListener() {
          @Override
          public void progress(int done, int total, String current) {}

          @Override
          public void found(FoundMeter meter) {
            told.add(meter);
          }
        };

    List<FoundMeter> found = master.scanPrimary(70, 80, listener);

    assertEquals(addresses, found.stream().map(FoundMeter::primaryAddress).toList());
    assertEquals(found, told);
    assertEquals("00001077", found.get(2).secondary().identity().id());
  }

  @Test
  void exchange_oneCycle_takesAtLeastTheIdealWireTime() throws IOException {
    int baud = 2400;
    List<VirtualSlave> slaves = new ArrayList<>();
    for (int address = 1; address <= 3; address++) {
      slaves.add(new VirtualSlave(new TestMeter("0000000" + address, 2, 100), address));
    }
    SimulatedBus bus = bus(baud, slaves.toArray(new VirtualSlave[0]));
    MBusMaster master = master(serve(bus), 2);
    master.readPrimary(1); // warm up the JIT and the connection
    bus.accounting().reset();

    long start = System.nanoTime();
    for (int address = 1; address <= 3; address++) {
      master.readPrimary(address);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    Duration ideal = bus.accounting().busTime(bus.timing());
    assertEquals(9, bus.accounting().requests(), "SND_NKE and two REQ_UD2 per meter");
    // paced characters cannot arrive before their time; the upper bound only catches a runaway
    assertTrue(
        elapsed.compareTo(ideal.minusMillis(5)) >= 0, "elapsed " + elapsed + ", ideal " + ideal);
    assertTrue(
        elapsed.compareTo(ideal.multipliedBy(3).plusSeconds(1)) < 0,
        "elapsed " + elapsed + ", ideal " + ideal);
  }

  @Test
  void start_masterReconnects_isServedAgain() throws IOException {
    TcpSlaveServer server = serve(bus(BAUD, new VirtualSlave(TestMeter.single("12345678"), 5)));
    try (MBusMaster first =
        new MBusMaster(
            TcpByteStream.open(server.host(), server.port(), BAUD, Duration.ofSeconds(5)),
            LinkSettings.DEFAULTS)) {
      first.sndNke(5);
    }

    MBusMaster second = master(server, 2);

    assertEquals(1, second.readPrimary(5).telegrams().size());
    assertEquals(2, server.connections());
  }

  @Test
  void serve_garbageBeforeRequest_isSkipped() throws IOException {
    TcpSlaveServer server = serve(bus(BAUD, new VirtualSlave(TestMeter.single("12345678"), 5)));
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(new byte[] {0x00, (byte) 0xE5, 0x42});
      out.write(LinkFrames.shortFrame(LinkFrames.C_SND_NKE, 5));
      out.flush();

      assertEquals(LinkFrames.ACK, in.read());
    }
    assertEquals(0, server.failures());
  }

  @Test
  void serve_masterHangsUpMidReply_isTheMasterClosing_notAFailure() throws IOException {
    // 2400 baud: the reply is paced over a few hundred milliseconds, so the hang-up lands in it
    TcpSlaveServer server = serve(bus(2400, new VirtualSlave(TestMeter.single("12345678"), 5)));
    try (Socket socket = new Socket(server.host(), server.port())) {
      socket.setSoLinger(true, 0); // close with a reset, as a master that stops does
      OutputStream out = socket.getOutputStream();
      out.write(LinkFrames.shortFrame(LinkFrames.C_REQ_UD2, 5));
      out.flush();
      assertEquals(0x68, socket.getInputStream().read(), "the long frame's start");
    }

    MBusMaster next = master(server, 2);

    assertEquals(1, next.readPrimary(5).telegrams().size());
    assertEquals(2, server.connections());
    assertEquals(0, server.failures());
  }

  @Test
  void close_stopsServing() throws IOException {
    TcpSlaveServer server = TcpSlaveServer.start(bus(BAUD));
    int port = server.port();

    server.close();

    assertThrows(IOException.class, () -> new Socket(server.host(), port).close());
  }

  static List<Integer> litres(Readout readout) {
    return readout.telegrams().stream().map(TestMeter::litres).toList();
  }
}
