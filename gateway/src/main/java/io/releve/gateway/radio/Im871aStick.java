package io.releve.gateway.radio;

import static io.releve.gateway.radio.HciFrames.DEVMGMT_ID;
import static io.releve.gateway.radio.HciFrames.DEVMGMT_MSG_PING_RSP;
import static io.releve.gateway.radio.HciFrames.DEVMGMT_MSG_RESET_RSP;
import static io.releve.gateway.radio.HciFrames.DEVMGMT_MSG_SET_CONFIG_RSP;

import java.io.IOException;
import java.time.Clock;

/**
 * An IMST iM871A USB stick (WMBus HCI over a USB serial port, 57600 bit/s, 8N1).
 *
 * <p><b>Framing.</b> Every message, both ways: {@code A5 CE ID LL payload[LL] [timestamp 4] [rssi
 * 1] [crc 2]}. {@code A5} starts a frame. {@code CE}: high nibble control flags, low nibble
 * endpoint. Flags: 0x20 a 4-byte timestamp follows the payload (least significant byte first), 0x40
 * one RSSI byte follows (after the timestamp), 0x80 a CRC-16 ends the message, 0x10 reserved (such
 * a frame is rejected). Endpoints: 0x01 device management, 0x02 radio link, 0x03 radio link test,
 * 0x04 hardware test. {@code ID} message id, {@code LL} payload length 0–255. CRC: CRC-16/X-25
 * (polynomial 0x1021 reflected, init 0xFFFF, complemented) over {@code CE} through the RSSI byte,
 * least significant byte first; a message with a wrong CRC is skipped as garbage.
 *
 * <p><b>Received telegram.</b> {@code A5 42 03 LL C M M A A A A A A CI … [ts] rssi} (endpoint 2,
 * {@code RADIOLINK_MSG_WMBUSMSG_IND} 0x03): the payload is the telegram from its C field on, its L
 * field being LL; we deliver {@code LL C M M …}. RSSI in dBm = (raw − 245) / 2 truncated, 0 from
 * raw 230 up ({@link HciFrames#rssiDbm}).
 *
 * <p><b>Start-up, after each (re)open.</b>
 *
 * <ol>
 *   <li>{@code A5 01 01 00} DEVMGMT_MSG_PING_REQ, answered by {@code A5 01 02 00} (PING_RSP);
 *   <li>{@code A5 01 07 00} DEVMGMT_MSG_RESET_REQ, answered by {@code A5 01 08 …} (RESET_RSP); then
 *       pings until the restarted stick answers;
 *   <li>{@code A5 01 03 06 00 02 MM 30 01 00} DEVMGMT_MSG_SET_CONFIG_REQ: not saved to flash, link
 *       mode {@code MM} (S1 → 0x00; T1 or C1 → 0x0A, C1 and T1 together, firmware 1.4 and later),
 *       RSSI attached, no timestamp; answered by {@code A5 01 04 01 00} (SET_CONFIG_RSP, status 0 =
 *       done; any other status fails the start-up).
 * </ol>
 *
 * While listening, a ping goes every {@link StickTimings#pingInterval()}; answers may carry any
 * control flags. Supervision is {@link StickSupervisor}'s.
 */
public final class Im871aStick extends SupervisedStick {

  /** The iM871A's UART speed, bit/s. */
  public static final int BAUD = 57_600;

  /**
   * A stick on a serial port, with {@link StickTimings#DEFAULT}.
   *
   * @param devicePath {@code /dev/serial/by-id/…} (or {@code /dev/pts/N} for a simulated stick)
   * @throws IllegalArgumentException when the path is neither
   */
  public Im871aStick(String name, String devicePath, LinkMode mode) {
    this(
        name,
        StickPaths.check(devicePath, name),
        () -> SerialStickLine.open(devicePath, BAUD),
        mode,
        StickTimings.DEFAULT,
        Clock.systemUTC());
  }

  /**
   * A stick behind any line: {@code opener} is called at start and after each loss.
   *
   * @param where what {@link #describe()} says: the port path or {@code host:port}
   */
  public Im871aStick(
      String name,
      String where,
      StickLine.Opener opener,
      LinkMode mode,
      StickTimings timings,
      Clock clock) {
    super(name, where, opener, new Hci(), mode, timings, clock);
  }

  @Override
  public String describe() {
    return "iM871A on " + where();
  }

  /** The HCI conversation. */
  private static final class Hci implements StickProtocol {
    private static final Request PING =
        new Request(
            HciFrames.pingRequest(),
            HciFrames.key(DEVMGMT_ID, DEVMGMT_MSG_PING_RSP),
            "DEVMGMT_MSG_PING_REQ");

    @Override
    public String kind() {
      return "iM871A";
    }

    @Override
    public StickParser newParser() {
      return new HciParser();
    }

    @Override
    public Request ping() {
      return PING;
    }

    @Override
    public void configure(StickExchange exchange, LinkMode mode) throws IOException {
      exchange.ask(PING);
      exchange.ask(
          new Request(
              HciFrames.resetRequest(),
              HciFrames.key(DEVMGMT_ID, DEVMGMT_MSG_RESET_RSP),
              "DEVMGMT_MSG_RESET_REQ"));
      awaitRestart(exchange, PING);
      byte[] status =
          exchange.ask(
              new Request(
                  HciFrames.setConfigRequest(mode),
                  HciFrames.key(DEVMGMT_ID, DEVMGMT_MSG_SET_CONFIG_RSP),
                  "DEVMGMT_MSG_SET_CONFIG_REQ"));
      if (status.length < 1 || status[0] != 0) {
        throw new IOException(
            "the stick refused link mode "
                + mode
                + " (SET_CONFIG_RSP status "
                + (status.length < 1 ? "missing" : Integer.toHexString(status[0] & 0xFF))
                + ")");
      }
    }
  }
}
