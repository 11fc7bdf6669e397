/**
 * Wired M-Bus frame decoding (EN 13757-2 framing, EN 13757-3 application layer): bytes in, a {@link
 * io.releve.gateway.decode.DecodedFrame} or a {@link
 * io.releve.gateway.decode.FrameRejectedException} with a {@link
 * io.releve.gateway.decode.RejectionReason} out. Pure code, no I/O.
 *
 * <p>The record layer is decoded by our own parser, following the standard's tables: raw jmbus
 * 3.3.0 rejects whole frames that are valid (CI 0x70 and 0x73, signature FFFF, LVAR 0xF0), accepts
 * malformed ones (a missing VIF, eleven DIFEs) and ignores VIFEs that change a record's meaning
 * (backward flow, pulse weights). jmbus remains the reference of {@code releve bench decode}.
 *
 * <h2>Canonical units</h2>
 *
 * <p>Every value is scaled exactly ({@link java.math.BigDecimal}, keeping the resolution the VIF
 * gives, never scientific notation) to one unit per family:
 *
 * <table>
 *   <caption>VIF family to canonical unit</caption>
 *   <tr><th>VIF family (EN 13757-3)</th><th>quantity</th><th>unit</th></tr>
 *   <tr><td>energy in Wh (0x00–0x07), MWh (0xFB 0x00–0x01)</td><td>energy</td><td>kWh</td></tr>
 *   <tr><td>energy in J (0x08–0x0F), GJ (0xFB 0x08–0x09)</td><td>energy</td><td>MJ</td></tr>
 *   <tr><td>volume (0x10–0x17, 0xFB 0x10–0x11)</td><td>volume</td><td>m3</td></tr>
 *   <tr><td>mass (0x18–0x1F, 0xFB 0x18–0x19 in t)</td><td>mass</td><td>kg</td></tr>
 *   <tr><td>power in W (0x28–0x2F), MW (0xFB 0x28–0x29)</td><td>power</td><td>kW</td></tr>
 *   <tr><td>power in J/h (0x30–0x37), GJ/h (0xFB 0x30–0x31)</td><td>power</td><td>MJ/h</td></tr>
 *   <tr><td>volume flow per hour, minute, second (0x38–0x4F)</td><td>volume_flow</td>
 *       <td>m3/h</td></tr>
 *   <tr><td>mass flow (0x50–0x57)</td><td>mass_flow</td><td>kg/h</td></tr>
 *   <tr><td>flow, return, external temperature (0x58–0x5F, 0x64–0x67)</td><td>…_temperature</td>
 *       <td>C</td></tr>
 *   <tr><td>temperature difference (0x60–0x63)</td><td>temperature_difference</td><td>K</td></tr>
 *   <tr><td>pressure (0x68–0x6B)</td><td>pressure</td><td>bar</td></tr>
 *   <tr><td>on, operating, averaging, actuality time (0x20–0x27, 0x70–0x77)</td>
 *       <td>…_time, …_duration</td><td>the VIF's own: s, min, h, d</td></tr>
 *   <tr><td>HCA units (0x6E)</td><td>heat_cost_allocation</td><td>HCA</td></tr>
 *   <tr><td>voltage, current (0xFD 0x40–0x5F)</td><td>voltage, current</td><td>V, A</td></tr>
 *   <tr><td>relative humidity (0xFB 0x1A–0x1B)</td><td>relative_humidity</td><td>%</td></tr>
 *   <tr><td>date type G, date-time types F and I, time type J (0x6C, 0x6D)</td><td>date, date_time</td>
 *       <td>ISO-8601 text, meter local time</td></tr>
 *   <tr><td>identifiers, versions, error flags, digital inputs (0x78–0x7A, 0xFD …)</td>
 *       <td>as named</td><td>none (unsigned, unscaled)</td></tr>
 * </table>
 *
 * <p>Combinable VIFEs (EN 13757-3:2018 table 15): 0x00–0x0F are record error codes and make the
 * function {@code error}; 0x3B and 0x3C (forward and backward accumulation) give {@code
 * volume_forward}, {@code volume_backward}, {@code energy_forward}, {@code energy_backward} and
 * never the plain index; 0x1D (standard conform content), 0x3A and 0x3E keep the meaning; 0x70–0x77
 * and 0x7D scale the value; 0x7E (future value) keeps the value under {@code other}; VIFEs that
 * change the meaning (average, compact profile, per time, per pulse, limits, durations) and the
 * codes of the second table after 0x7C (phases, quadrants) turn the record into {@code other} with
 * the raw number and no unit; VIFEs after 0x7F are manufacturer specific and ignored. BCD values
 * with nibbles above 9 (error states) are kept as their digits in text, never as a number;
 * impossible dates and dates flagged invalid give no record. A byte container (LVAR 0x00–0xBF) of a
 * manufacturer-specific or unknown VIF is kept as hex in the order sent, never read as text.
 *
 * <p>The status byte is given bit by bit in {@link io.releve.gateway.decode.StatusFlags}, and the
 * error-flags record (VIF 0xFD 0x17) as {@link io.releve.gateway.decode.ErrorFlags}.
 */
package io.releve.gateway.decode;
