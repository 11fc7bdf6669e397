package io.releve.gateway.sim.radio;

import io.releve.gateway.decode.radio.SecurityMode;
import io.releve.gateway.device.DeviceIdentity;
import java.time.Instant;
import java.util.Objects;

/**
 * A virtual wireless M-Bus meter: an identity, what it measures, how it transmits and, when it
 * encrypts, its AES-128 key. Each {@link #transmit} is one telegram: the access number goes up by
 * one (EN 13757-7 §7.5.2) and, in mode 7, the AFL message counter too. Thread-safe; the key never
 * leaves the object except inside encrypted telegrams and is never put in a message.
 */
public final class RadioMeter {
  private final DeviceIdentity identity;
  private final MeterRecords records;
  private final RadioProfile profile;
  private final byte[] key;
  private int accessNumber;
  private long messageCounter = 1;
  private long sent;

  /**
   * @param key 16 bytes for security modes 5 and 7, null for mode 0
   * @throws IllegalArgumentException when the identity does not suit the records, or the key does
   *     not suit the security mode
   */
  public RadioMeter(
      DeviceIdentity identity, MeterRecords records, RadioProfile profile, byte[] key) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.records = Objects.requireNonNull(records, "records");
    this.profile = Objects.requireNonNull(profile, "profile");
    records.checkIdentity(identity);
    boolean encrypted = profile.security() != SecurityMode.NONE;
    if (encrypted && (key == null || key.length != 16)) {
      throw new IllegalArgumentException(
          "Meter " + identity + " in " + profile.security() + " needs a 16-byte key.");
    }
    if (!encrypted && key != null) {
      throw new IllegalArgumentException(
          "Meter " + identity + " sends in clear (security mode 0); it takes no key.");
    }
    this.key = key == null ? null : key.clone();
    this.accessNumber = identity.id().hashCode() & 0xFF;
  }

  public DeviceIdentity identity() {
    return identity;
  }

  public RadioProfile profile() {
    return profile;
  }

  public MeterRecords records() {
    return records;
  }

  /** The next transmission strictly after {@code after}. */
  public Instant nextTransmission(Instant after) {
    return profile.schedule().next(after);
  }

  /**
   * The telegram this meter sends at {@code now}, from the L field on: a full frame, or a compact
   * frame when the profile asks for them and this is not the turn of a full one.
   */
  public synchronized byte[] transmit(Instant now) {
    byte[] data = records.at(now);
    int access = accessNumber;
    accessNumber = (accessNumber + 1) & 0xFF;
    long counter = messageCounter;
    messageCounter = (messageCounter + 1) & 0xFFFF_FFFFL;
    boolean full = sent % profile.fullFrameEvery() == 0;
    sent++;
    byte[] telegram =
        full
            ? RadioTelegramWriter.full(identity, access, 0, data, profile.security(), key, counter)
            : RadioTelegramWriter.compact(identity, data);
    return profile.formatACrcs() ? RadioTelegramWriter.withFormatACrcs(telegram) : telegram;
  }

  @Override
  public String toString() {
    return "radio meter " + identity + " (" + profile.mode() + ", " + profile.security() + ")";
  }
}
