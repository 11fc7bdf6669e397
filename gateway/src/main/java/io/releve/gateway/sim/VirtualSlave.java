package io.releve.gateway.sim;

import io.releve.gateway.link.LinkFrames;
import io.releve.gateway.link.SecondaryAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One simulated M-Bus slave: the link layer of a meter (EN 13757-2, selection of EN 13757-3 §5) in
 * front of a {@link SimulatedMeter}.
 *
 * <ul>
 *   <li>SND_NKE to its address: E5; the link is reset (the next REQ_UD2 starts a new readout) and
 *       the slave is deselected.
 *   <li>REQ_UD2: an RSP_UD long frame, C 0x08, A = its primary address (also when asked through
 *       0xFD, as real meters do), the meter's CI and data. With FCV set, an FCB equal to the last
 *       one means the master retries: the same telegram again. A toggled FCB (or FCV clear) means
 *       the last one arrived: the next telegram of the readout, or a new readout after the last.
 *   <li>SND_UD to 0xFD with CI 0x52 and an 8-byte mask: E5 and selected when its secondary address
 *       matches, silently deselected otherwise. A selected slave answers at 0xFD.
 *   <li>0xFE: every slave answers; 0xFF: every slave obeys, none answers.
 *   <li>A frame with a bad checksum or stop byte is ignored, as a real slave does.
 * </ul>
 *
 * Thread-safe; {@link #faults()} can be changed while the bus runs.
 */
public final class VirtualSlave {

  /** Function code of REQ_UD2 under the FCB and FCV bits: C 0x5B / 0x7B. */
  private static final int FUNCTION_REQ_UD2 = LinkFrames.C_REQ_UD2 & ~LinkFrames.FCV;

  /** Function code of SND_UD under the FCB and FCV bits: C 0x53 / 0x73. */
  private static final int FUNCTION_SND_UD = LinkFrames.C_SND_UD & ~LinkFrames.FCV;

  /** The C field bits left once FCB and FCV are masked off. */
  private static final int FUNCTION_MASK = ~(LinkFrames.FCB | LinkFrames.FCV) & 0xFF;

  private static final byte[] ACK = {(byte) LinkFrames.ACK};

  private final SimulatedMeter meter;
  private final int primaryAddress;
  private final SlaveFaults faults = new SlaveFaults();

  private boolean selected;

  /** FCB of the last REQ_UD2 answered with FCV set; null after a reset. */
  private Boolean lastFcb;

  private List<byte[]> readout;
  private int next;
  private byte[] lastTelegram;

  /**
   * @param meter what the slave reads out
   * @param primaryAddress 0–250 (0 is the factory default of an unconfigured meter)
   */
  public VirtualSlave(SimulatedMeter meter, int primaryAddress) {
    this.meter = Objects.requireNonNull(meter, "meter");
    if (primaryAddress < 0 || primaryAddress > LinkFrames.MAX_PRIMARY) {
      throw new IllegalArgumentException(
          "Primary address [" + primaryAddress + "] must lie between 0 and 250.");
    }
    this.primaryAddress = primaryAddress;
  }

  public SimulatedMeter meter() {
    return meter;
  }

  public SecondaryAddress secondaryAddress() {
    return meter.address();
  }

  public int primaryAddress() {
    return primaryAddress;
  }

  /** This slave's faults, healthy until a test sets some. */
  public SlaveFaults faults() {
    return faults;
  }

  /** Whether a selection by secondary address picked this slave. */
  public synchronized boolean isSelected() {
    return selected;
  }

  /**
   * What the slave answers to {@code request}, one complete frame as it arrived.
   *
   * @param now the time of the request, passed to the meter when a readout starts
   * @return the reply and its delay beyond the bus's, or null when the slave stays silent
   */
  synchronized Reply hear(byte[] request, Instant now) {
    if (!wellFormed(request)) {
      return null;
    }
    byte[] reply;
    if ((request[0] & 0xFF) == LinkFrames.SHORT_START) {
      reply = shortFrame(LinkFrames.control(request), LinkFrames.address(request), now);
    } else if ((request[0] & 0xFF) == LinkFrames.LONG_START) {
      reply = longFrame(request);
    } else {
      reply = null; // an E5 is a slave's word, not a master's
    }
    if (reply == null || faults.isSilent()) {
      return null;
    }
    return new Reply(reply, faults.extraDelay());
  }

  private byte[] shortFrame(int control, int address, Instant now) {
    if (!addressed(address)) {
      return null;
    }
    if (control == LinkFrames.C_SND_NKE) {
      reset();
      selected = false;
      return noReplyTo(address) ? null : ACK;
    }
    if ((control & FUNCTION_MASK) == FUNCTION_REQ_UD2 && !noReplyTo(address)) {
      return telegram(control, address, now);
    }
    return null;
  }

  private byte[] longFrame(byte[] request) {
    int control = LinkFrames.control(request);
    int address = LinkFrames.address(request);
    if ((control & FUNCTION_MASK) != FUNCTION_SND_UD) {
      return null;
    }
    byte[] data = LinkFrames.userData(request);
    if (address == LinkFrames.ADDRESS_NETWORK_LAYER
        && LinkFrames.ci(request) == LinkFrames.CI_SELECT
        && data.length == SecondaryAddress.LENGTH) {
      selected = SelectionMask.matches(data, meter.address());
      if (selected) {
        reset(); // the master starts the selected slave's FCB afresh
        return ACK;
      }
      return null;
    }
    // other user data to this slave (application reset, settings): acknowledged, not acted upon
    return addressed(address) && !noReplyTo(address) ? ACK : null;
  }

  /** The RSP_UD for a REQ_UD2 with {@code control}, per the FCB rule. */
  private byte[] telegram(int control, int address, Instant now) {
    boolean fcv = (control & LinkFrames.FCV) != 0;
    boolean fcb = (control & LinkFrames.FCB) != 0;
    boolean retry = fcv && lastTelegram != null && lastFcb != null && lastFcb == fcb;
    if (!retry) {
      if (readout == null || next >= readout.size()) {
        readout = List.copyOf(meter.readout(now));
        next = 0;
        if (readout.isEmpty()) {
          throw new IllegalStateException("Meter " + meter.address() + " returned no telegram.");
        }
      }
      byte[] userData = readout.get(next++);
      lastTelegram = userData;
    }
    lastFcb = fcv ? fcb : null;
    return frame(lastTelegram, address);
  }

  /** A long RSP_UD frame of {@code userData}, with the faults that apply to telegrams. */
  private byte[] frame(byte[] userData, int address) {
    int replyAddress = primaryAddress;
    if (faults.isWrongAddress()) {
      replyAddress ^= 1; // a neighbour's address
    }
    byte[] frame =
        LinkFrames.longFrame(
            LinkFrames.C_RSP_UD,
            replyAddress,
            userData[0] & 0xFF,
            Arrays.copyOfRange(userData, 1, userData.length));
    if (faults.takeDrop()) {
      return null;
    }
    if (faults.takeCorruption()) {
      frame[frame.length - 2] ^= (byte) 0xFF; // checksum byte
    }
    return frame;
  }

  private boolean addressed(int address) {
    return address == primaryAddress
        || address == LinkFrames.ADDRESS_BROADCAST_REPLY
        || address == LinkFrames.ADDRESS_BROADCAST_NO_REPLY
        || (address == LinkFrames.ADDRESS_NETWORK_LAYER && selected);
  }

  private static boolean noReplyTo(int address) {
    return address == LinkFrames.ADDRESS_BROADCAST_NO_REPLY;
  }

  /** After SND_NKE or a selection: the next REQ_UD2 gets the first telegram of a new readout. */
  private void reset() {
    lastFcb = null;
    lastTelegram = null;
    readout = null;
    next = 0;
  }

  private static boolean wellFormed(byte[] request) {
    try {
      return request.length > 0
          && LinkFrames.frameLength(request, request.length) == request.length
          && LinkFrames.checkComplete(request) == null;
    } catch (IllegalArgumentException e) {
      return false; // no frame at all: a slave's UART sees noise and waits for the next start
    }
  }

  @Override
  public String toString() {
    return "slave " + primaryAddress + " (" + meter.address() + ")";
  }

  /**
   * What a slave sends back.
   *
   * @param bytes an E5 or a long frame
   * @param extraDelay added to the bus's reply delay
   */
  record Reply(byte[] bytes, Duration extraDelay) {}
}
