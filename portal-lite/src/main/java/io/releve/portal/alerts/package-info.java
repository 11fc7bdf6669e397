/**
 * Residents' alerts (DESIGN §6 "Alerts", §3.3 for the figures): the red banner on every page while
 * the resident's dwelling has active alerts, and the alerts page with the active alerts first and
 * the closed ones after. The alerts themselves are the bridge's {@code alerts} rows, as the
 * gateways' events left them; {@link io.releve.portal.alerts.ResidentAlerts} is the one query of
 * them, by a resident's window.
 */
package io.releve.portal.alerts;
