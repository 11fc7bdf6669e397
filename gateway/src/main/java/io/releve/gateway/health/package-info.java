/**
 * Meter health that needs no flow arithmetic (DESIGN §3.3): the conditions a meter reports itself,
 * and its silence. Pure code: decoded frames and times in, values out; no I/O, no clock.
 *
 * <ul>
 *   <li>{@link io.releve.gateway.health.MeterAlarms#of} reads the {@link
 *       io.releve.gateway.health.MeterCondition}s a frame reports (leak, burst, tamper, backflow,
 *       dry, or a generic alarm), each with its source in the telegram, through one {@link
 *       io.releve.gateway.health.MeterAlarmReader} per variant: the transport layer status byte for
 *       every meter, the info codes for Kamstrup water meters.
 *   <li>{@link io.releve.gateway.health.TransmitPattern} learns in which hours of the week a meter
 *       transmits and says, as a {@link io.releve.gateway.health.Silence}, when it has been silent
 *       well beyond them ("not heard"); its {@link io.releve.gateway.health.TransmitPattern.State}
 *       is what to persist.
 * </ul>
 */
package io.releve.gateway.health;
