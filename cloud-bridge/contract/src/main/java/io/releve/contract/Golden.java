package io.releve.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The golden payload files: one example of each message, shipped on the classpath ({@code
 * io/releve/contract/golden/}) so that both sides test against the same bytes. The contract's tests
 * read each into its record and write it back unchanged; the gateway's publisher and the bridge's
 * ingest test that they write and read exactly these.
 */
public enum Golden {
  READINGS("readings.json", ReadingsMessage.class),
  EVENTS("events.json", EventsMessage.class),
  INVENTORY("inventory.json", InventoryMessage.class),
  ACK("ack.json", Ack.class),
  STATUS_ONLINE("status-online.json", Status.class),
  STATUS_OFFLINE("status-offline.json", Status.class),
  COMMAND_REQUEST("command-request.json", CommandRequest.class),
  COMMAND_RESPONSE("command-response.json", CommandResponse.class);

  /** Where the files are on the classpath. */
  public static final String FOLDER = "io/releve/contract/golden/";

  private final String file;
  private final Class<?> type;

  Golden(String file, Class<?> type) {
    this.file = file;
    this.type = type;
  }

  /** The file name, such as {@code readings.json}. */
  public String file() {
    return file;
  }

  /** The record it reads into. */
  public Class<?> type() {
    return type;
  }

  /** The file's bytes, as they would travel. */
  public byte[] bytes() {
    return bytes(file);
  }

  /** The file read into its record. */
  public Object read() {
    return Json.read(bytes(), type);
  }

  /**
   * The bytes of a golden file, such as {@code readings.json}.
   *
   * @throws IllegalArgumentException when there is no such file
   */
  public static byte[] bytes(String file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "Golden file [" + file + "] is not on the classpath (" + FOLDER + file + ").");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read golden file " + FOLDER + file, e);
    }
  }
}
