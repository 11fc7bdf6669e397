package io.releve.gateway.radio;

import java.io.IOException;
import java.util.Optional;

/**
 * What differs between two stick vendors: how bytes frame into messages, and how a freshly opened
 * stick is brought to listening. {@link StickSupervisor} does the rest, the same for all.
 */
interface StickProtocol {

  /** The vendor's name in logs: {@code im871a}, {@code amber}. */
  String kind();

  /** A parser for a freshly opened line: it keeps the partial message between reads. */
  StickParser newParser();

  /**
   * Brings a freshly opened stick to listening in {@code mode}: reset or ping, then configure.
   *
   * @throws IOException when the line fails or the stick does not answer as expected
   */
  void configure(StickExchange exchange, LinkMode mode) throws IOException;

  /** The request that proves the stick is alive while it listens. */
  Request ping();

  /**
   * One request and the answer it waits for.
   *
   * @param bytes the whole message, as sent
   * @param answerKey the {@link StickSink#answer} key of its answer
   * @param what its name in errors ({@code DEVMGMT_MSG_PING_REQ})
   */
  record Request(byte[] bytes, int answerKey, String what) {}

  /** Sends requests to the stick and waits for their answers, delivering telegrams meanwhile. */
  interface StickExchange {
    /**
     * Sends {@code request} and waits for its answer.
     *
     * @return the answer's payload
     * @throws IOException when the line fails or no answer comes within the answer timeout
     */
    byte[] ask(Request request) throws IOException;
  }

  /** Frames the bytes read from a stick into messages. */
  interface StickParser {
    /** Consumes {@code length} bytes of {@code bytes}, reporting each complete message. */
    void feed(byte[] bytes, int length, StickSink sink);
  }

  /** Where a parser reports what it found. */
  interface StickSink {
    /** A received wM-Bus telegram, from its L field on, with its signal strength when known. */
    void telegram(byte[] telegram, Optional<Integer> rssiDbm);

    /** Any other message: an answer to a request, identified by its protocol key. */
    void answer(int key, byte[] payload);

    /** Bytes skipped because they were no valid message. */
    void garbage(int bytes);
  }
}
