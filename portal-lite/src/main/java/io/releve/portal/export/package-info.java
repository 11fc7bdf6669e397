/**
 * "Obtenir un relevé": the current index of every device of a dwelling, as a CSV file that
 * spreadsheets of either language open as is, and as a printable statement page. Pure: the records
 * come in, bytes and {@link io.releve.portal.web.Html} go out; no database, no clock.
 */
package io.releve.portal.export;
