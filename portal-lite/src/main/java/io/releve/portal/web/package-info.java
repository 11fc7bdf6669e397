/**
 * The portal's web core on the JDK's HTTP server: {@link io.releve.portal.web.WebApp} wires a
 * {@link io.releve.portal.web.Router} (the table of contents of the app), {@link
 * io.releve.portal.web.Sessions}, {@link io.releve.portal.web.RateLimits} and the translated {@link
 * io.releve.portal.web.Messages}; {@link io.releve.portal.web.PortalServer} serves it.
 *
 * <p>Security is applied once here so that no feature can forget it: CSRF on every POST, the
 * headers of the plan (CSP, nosniff, no-referrer, frame denial, no-store), per-IP limits on the
 * anonymous POSTs, escaped HTML by construction ({@link io.releve.portal.web.Html}), and errors
 * thrown as {@link io.releve.portal.web.HttpError} rendered as translated pages.
 */
package io.releve.portal.web;
