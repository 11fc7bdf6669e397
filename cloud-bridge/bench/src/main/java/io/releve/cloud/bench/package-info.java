/**
 * The cloud side's benchmarks, {@code releve bench ingest}: the production bridge, ingest and
 * PostgreSQL store, measured in one JVM against a synthetic fleet publishing through a real
 * Mosquitto. A module and a jar of their own, because they start the test kit's broker and
 * PostgreSQL server, which stay out of the production {@code releve-cloud} jar.
 */
package io.releve.cloud.bench;
