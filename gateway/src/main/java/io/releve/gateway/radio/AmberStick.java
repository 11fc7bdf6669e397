package io.releve.gateway.radio;

import static io.releve.gateway.radio.AmberFrames.ANSWER;
import static io.releve.gateway.radio.AmberFrames.CMD_GET_REQ;
import static io.releve.gateway.radio.AmberFrames.CMD_RESET_REQ;
import static io.releve.gateway.radio.AmberFrames.CMD_SERIALNO_REQ;
import static io.releve.gateway.radio.AmberFrames.CMD_SET_MODE_REQ;
import static io.releve.gateway.radio.AmberFrames.CMD_SET_REQ;
import static io.releve.gateway.radio.AmberFrames.RSSI_ENABLE;
import static io.releve.gateway.radio.AmberFrames.UART_CMD_OUT_ENABLE;

import java.io.IOException;
import java.time.Clock;

/**
 * An Amber AMB8465 USB stick (command interface over a USB serial port, 9600 bit/s, 8N1).
 *
 * <p><b>Framing.</b> Every message, both ways: {@code FF CMD LEN payload[LEN] CS}, {@code CS} the
 * XOR of all bytes from {@code FF} through the last payload byte. An answer's {@code CMD} is its
 * request's with 0x80 set. A message with a wrong checksum is skipped as garbage.
 *
 * <p><b>Received telegram.</b> {@code FF 03 LEN C M M A A A A A A CI … RSSI CS} (CMD_DATA_IND): the
 * payload is the telegram from its C field on followed by one RSSI byte, so the telegram's L field
 * is {@code LEN − 1}; we deliver {@code (LEN−1) C M M …}. RSSI in dBm = (raw ≥ 128 ? (raw − 256) /
 * 2 : raw / 2) − 74 ({@link AmberFrames#rssiDbm}).
 *
 * <p><b>Start-up, after each (re)open.</b>
 *
 * <ol>
 *   <li>{@code FF 0B 00 F4} CMD_SERIALNO_REQ, answered by {@code FF 8B 04 s s s s CS};
 *   <li>{@code FF 0A 02 05 01 F3} and {@code FF 0A 02 45 01 B3} CMD_GET_REQ of the non-volatile
 *       parameters UART_CMD_Out_Enable (0x05) and RSSI_Enable (0x45), each answered by {@code FF 8A
 *       03 PP 01 VV CS};
 *   <li>only when one of them is not 1: {@code FF 09 03 PP 01 01 CS} CMD_SET_REQ for it (answered
 *       by {@code FF 89 01 00 CS}), then {@code FF 05 00 FA} CMD_RESET_REQ (answered by {@code FF
 *       85 01 00 7B}) for the stick to take them, then serial number requests until it answers — so
 *       the flash is written once per stick, not at each start;
 *   <li>{@code FF 04 01 MM CS} CMD_SET_MODE_REQ, volatile: {@code MM} S1 → 0x03; T1 or C1 → 0x09
 *       (C1 and T1 together); answered by {@code FF 84 01 00 7A} (status 0 = done, any other status
 *       fails the start-up).
 * </ol>
 *
 * While listening, a serial number request is the ping. Supervision is {@link StickSupervisor}'s.
 */
public final class AmberStick extends SupervisedStick {

  /** The AMB8465's default UART speed, bit/s. */
  public static final int BAUD = 9_600;

  /**
   * A stick on a serial port, with {@link StickTimings#DEFAULT}.
   *
   * @param devicePath {@code /dev/serial/by-id/…} (or {@code /dev/pts/N} for a simulated stick)
   * @throws IllegalArgumentException when the path is neither
   */
  public AmberStick(String name, String devicePath, LinkMode mode) {
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
  public AmberStick(
      String name,
      String where,
      StickLine.Opener opener,
      LinkMode mode,
      StickTimings timings,
      Clock clock) {
    super(name, where, opener, new Commands(), mode, timings, clock);
  }

  @Override
  public String describe() {
    return "AMB8465 on " + where();
  }

  /** The command-interface conversation. */
  private static final class Commands implements StickProtocol {
    private static final Request PING =
        new Request(
            AmberFrames.serialNumberRequest(), CMD_SERIALNO_REQ | ANSWER, "CMD_SERIALNO_REQ");

    @Override
    public String kind() {
      return "AMB8465";
    }

    @Override
    public StickParser newParser() {
      return new AmberParser();
    }

    @Override
    public Request ping() {
      return PING;
    }

    @Override
    public void configure(StickExchange exchange, LinkMode mode) throws IOException {
      exchange.ask(PING);
      boolean changed = ensureOne(exchange, UART_CMD_OUT_ENABLE, "UART_CMD_Out_Enable");
      changed |= ensureOne(exchange, RSSI_ENABLE, "RSSI_Enable");
      if (changed) {
        exchange.ask(
            new Request(AmberFrames.resetRequest(), CMD_RESET_REQ | ANSWER, "CMD_RESET_REQ"));
        awaitRestart(exchange, PING);
      }
      byte[] status =
          exchange.ask(
              new Request(
                  AmberFrames.setModeRequest(mode), CMD_SET_MODE_REQ | ANSWER, "CMD_SET_MODE_REQ"));
      requireSuccess(status, "CMD_SET_MODE_REQ for link mode " + mode);
    }

    /** Sets a one-byte parameter to 1 unless it is already; returns whether it wrote it. */
    private static boolean ensureOne(StickExchange exchange, int position, String parameter)
        throws IOException {
      byte[] got =
          exchange.ask(
              new Request(
                  AmberFrames.getRequest(position),
                  CMD_GET_REQ | ANSWER,
                  "CMD_GET_REQ " + parameter));
      if (got.length < 3 || (got[0] & 0xFF) != position) {
        throw new IOException("malformed answer to CMD_GET_REQ " + parameter);
      }
      if (got[2] == 1) {
        return false;
      }
      byte[] status =
          exchange.ask(
              new Request(
                  AmberFrames.setRequest(position, 1),
                  CMD_SET_REQ | ANSWER,
                  "CMD_SET_REQ " + parameter));
      requireSuccess(status, "CMD_SET_REQ " + parameter);
      return true;
    }

    private static void requireSuccess(byte[] status, String what) throws IOException {
      if (status.length < 1 || status[0] != 0) {
        throw new IOException(
            "the stick refused "
                + what
                + " (status "
                + (status.length < 1 ? "missing" : Integer.toHexString(status[0] & 0xFF))
                + ")");
      }
    }
  }
}
