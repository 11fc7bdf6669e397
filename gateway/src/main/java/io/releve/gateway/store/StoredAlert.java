package io.releve.gateway.store;

import io.releve.gateway.device.DeviceIdentity;

/**
 * An alert with what identifies its meter for a person: the printed serial and the dwelling.
 *
 * @param medium the device's medium label
 * @param printedSerial the serial on the meter's label, or null when not recorded
 * @param site the site code of its dwelling, or null when the device is not installed
 * @param dwelling the dwelling's label, or null when the device is not installed
 */
public record StoredAlert(
    AlertRow alert,
    DeviceIdentity device,
    String medium,
    String printedSerial,
    String site,
    String dwelling) {}
