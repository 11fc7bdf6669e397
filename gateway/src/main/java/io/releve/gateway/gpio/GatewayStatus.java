package io.releve.gateway.gpio;

/**
 * What the status LED shows, read from the daemon when each LED cycle begins.
 *
 * @param polling whether every bus's poll loop and the radio loop are alive and moving (the
 *     watchdog's health)
 * @param uplinkDown whether an uplink is configured and not connected to its broker
 * @param alertActive whether any alert (leak, meter alarm, not heard) is open
 */
public record GatewayStatus(boolean polling, boolean uplinkDown, boolean alertActive) {}
