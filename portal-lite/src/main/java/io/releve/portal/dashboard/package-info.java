/**
 * The resident's dashboard: one tab per fluid of the dwelling with the month's use, the trends, the
 * breakdown per meter and radiator and the charts; "Obtenir un relevé" (the current indexes as CSV
 * and as a printable statement); and the resident's navigation. Every figure comes from {@link
 * io.releve.portal.usage.DwellingUsage}, seen through the resident's window ({@link
 * io.releve.portal.account.Access}).
 */
package io.releve.portal.dashboard;
