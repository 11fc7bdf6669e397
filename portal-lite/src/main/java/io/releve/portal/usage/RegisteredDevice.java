package io.releve.portal.usage;

/**
 * A device of a dwelling as the registry holds it ({@code devices}, {@code rooms}).
 *
 * @param printedSerial the serial printed on the device; null when unknown
 * @param room the label of the radiator's room; null when none
 * @param installed false once removed (a removed device keeps its dwelling)
 */
public record RegisteredDevice(
    String device, String printedSerial, String room, String medium, boolean installed) {}
