/**
 * Consumption as residents, statements and managers see it: the {@link io.releve.portal.usage.Fluid
 * fluids}, the units a device's use is shown in, the per-device daily and monthly rollups of the
 * index readings ({@link io.releve.portal.usage.Rollups}, tables {@code device_days} and {@code
 * device_months}) and the figures of a dwelling read from them ({@link
 * io.releve.portal.usage.Usage}). The arithmetic lives in pure classes ({@link
 * io.releve.portal.usage.IndexChain}, {@link io.releve.portal.usage.DwellingUsage}, {@link
 * io.releve.portal.usage.Median}); the store classes only load and save rows.
 */
package io.releve.portal.usage;
