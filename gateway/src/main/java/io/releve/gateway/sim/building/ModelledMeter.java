package io.releve.gateway.sim.building;

import io.releve.gateway.device.DeviceIdentity;
import io.releve.gateway.device.Medium;
import io.releve.gateway.link.SecondaryAddress;
import io.releve.gateway.sim.SimulatedMeter;
import java.util.Objects;
import java.util.Set;

/**
 * What every meter of the simulated building has: its address, the consumption model behind its
 * index, its yearly set day and its access number.
 */
abstract class ModelledMeter implements SimulatedMeter {

  protected final SecondaryAddress address;
  protected final ConsumptionModel model;
  protected final SetDay setDay;
  protected final AccessNumber access;

  /**
   * @param media the device types this kind of meter may announce
   * @param expected how to name them in the error ("0x08", "a water medium")
   */
  ModelledMeter(
      DeviceIdentity identity,
      ConsumptionModel model,
      SetDay setDay,
      Set<Medium> media,
      String expected) {
    if (!media.contains(identity.medium())) {
      throw new IllegalArgumentException(
          "Device type of ["
              + identity
              + "] is "
              + identity.medium().label()
              + ", not "
              + expected
              + ".");
    }
    this.address = new SecondaryAddress(identity);
    this.model = Objects.requireNonNull(model, "model");
    this.setDay = Objects.requireNonNull(setDay, "setDay");
    this.access = new AccessNumber(identity.id().hashCode());
  }

  @Override
  public final SecondaryAddress address() {
    return address;
  }

  /** The consumption behind the index, in thousandths of the meter's unit. */
  public final ConsumptionModel model() {
    return model;
  }
}
