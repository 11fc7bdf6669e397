package io.releve.gateway.store;

/**
 * Reading or writing the database failed: the file cannot be opened, the disk is full, the schema
 * is newer than this code. The message names the database file and what was being done; the cause
 * is kept.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
