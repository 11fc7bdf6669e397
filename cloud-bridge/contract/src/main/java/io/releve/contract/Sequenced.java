package io.releve.contract;

/**
 * A row of the gateway's outbox: a reading, an event or an inventory change. Its sequence number is
 * unique within the gateway's epoch and shared by the three kinds, so that one acknowledgement
 * covers them all.
 */
public interface Sequenced {

  /** The outbox sequence number, 1 or more. */
  long seq();
}
