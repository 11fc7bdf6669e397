package io.releve.gateway.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** The text an import command reads: a file, or standard input for {@code -}; UTF-8 only. */
final class InputText {

  static final String STDIN = "-";

  private InputText() {}

  /**
   * Reads {@code source} whole. The bytes read are wiped once decoded (an import may hold keys).
   *
   * @param name how messages name the input
   * @throws CliException 66 when the file does not exist, 65 when it is not UTF-8
   */
  static String read(String source, String name) throws IOException {
    byte[] bytes;
    if (STDIN.equals(source)) {
      bytes = System.in.readAllBytes();
    } else {
      try {
        bytes = Files.readAllBytes(Path.of(source));
      } catch (NoSuchFileException e) {
        throw new CliException(ExitCodes.NO_INPUT, "cannot read " + name + ": no such file", e);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new CliException(ExitCodes.DATA_ERROR, name + ": not UTF-8 text", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
