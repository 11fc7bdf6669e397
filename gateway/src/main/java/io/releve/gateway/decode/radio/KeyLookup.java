package io.releve.gateway.decode.radio;

import io.releve.gateway.device.DeviceIdentity;
import java.util.Optional;

/**
 * Where the radio decoder finds a meter's AES-128 key. The key store implements it; a decode
 * session given a key on its input line uses a one-key lookup. Keys are never logged nor put in a
 * message.
 */
@FunctionalInterface
public interface KeyLookup {

  /** No key for any meter. */
  KeyLookup NONE = device -> Optional.empty();

  /** The 16-byte key of {@code device}, or empty when none is configured. */
  Optional<byte[]> keyOf(DeviceIdentity device);
}
