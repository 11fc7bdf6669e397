package io.releve.gateway.store;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.device.PrintedSerial;
import java.util.Objects;

/**
 * A meter or allocator attached to a dwelling: what the installer records when commissioning.
 *
 * @param identity the link-layer identity the device sends
 * @param medium what it measures, as installed (may be finer than the device type says, such as
 *     cold water for a device that announces water)
 * @param printedSerial the serial on its label, or null when not recorded
 * @param dwelling where it is installed
 * @param room for heat cost allocators, the room of the radiator ("Séjour"); null otherwise
 */
public record InstalledDevice(
    DeviceIdentity identity,
    Medium medium,
    PrintedSerial printedSerial,
    Dwelling dwelling,
    String room) {

  public InstalledDevice {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(medium, "medium");
    Objects.requireNonNull(dwelling, "dwelling");
    room = Labels.optional("Room", room);
  }

  public SiteCode site() {
    return dwelling.site();
  }

  /** The lot number of the dwelling, or null. */
  public String lot() {
    return dwelling.lot();
  }
}
