/**
 * Charts drawn on the server as inline SVG, for pages under a strict Content-Security-Policy: no
 * script, no style attribute or element, colours from classes of {@code portal.css}. Pure: values
 * and texts come in, {@link io.releve.portal.web.Html} goes out; no database, no clock.
 */
package io.releve.portal.charts;
