/**
 * The MQTT contract between gateways and the cloud bridge, version 1 (DESIGN §4): topics ({@link
 * io.releve.contract.Topics}, {@link io.releve.contract.TopicName}), JSON payloads (records read
 * and written by {@link io.releve.contract.Json}), and golden payload files ({@link
 * io.releve.contract.Golden}) that both sides test against. No MQTT client and no database here:
 * both sides depend on this module and on nothing else of each other.
 *
 * <h2>Sequence numbers and acknowledgements</h2>
 *
 * <p>Every reading, event and inventory change a gateway sends is a row of its outbox, numbered
 * from one sequence per database epoch: {@code (gateway, epoch, seq)} names it for ever. A batch
 * carries strictly increasing seqs, at least 1. The bridge stores rows idempotently on that key
 * (redelivery and reordering across bridge instances are normal) and, after its own commit,
 * publishes an {@link io.releve.contract.Ack} with the highest seq up to which it holds every row
 * of the epoch. Only then may the gateway forget them; a PUBACK from the broker is not enough.
 *
 * <h2>Versioning</h2>
 *
 * <ul>
 *   <li>Every payload carries {@code "v": 1} ({@link io.releve.contract.Contract#VERSION}), and
 *       every topic starts with {@code releve/v1}.
 *   <li>Within v1, changes are additive only: a new optional field (absent or null means what it
 *       meant before), a new event type, alert type, medium, quantity or unit (the open
 *       vocabularies), a new command. Nothing is removed, renamed, retyped, or made required.
 *   <li>Readers ignore fields they do not know, and keep (or pass over) words of an open vocabulary
 *       they do not know. Writers write every field they know, nulls included.
 *   <li>The closed vocabularies ({@code value_kind}, {@code clock_state}, {@code function}, {@code
 *       action}, {@code state}) and every other rule (types, ranges, what is required) stay as they
 *       are within v1.
 *   <li>Anything else is a breaking change: version 2, on a new topic root {@code releve/v2/…},
 *       served side by side with v1 until every gateway has moved.
 * </ul>
 */
package io.releve.contract;
