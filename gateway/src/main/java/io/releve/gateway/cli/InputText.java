package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The text an import or analysis command reads: a file, or standard input for {@code -}; UTF-8
 * only.
 */
final class InputText {

  static final String STDIN = "-";

  private InputText() {}

  /**
   * Reads {@code source} whole. The bytes read are wiped once decoded (an import may hold keys).
   *
   * @param name how messages name the input
   * @throws CliException 66 when the file does not exist, 74 when it cannot be read (a folder, no
   *     permission), 65 when it is not UTF-8
   */
  static String read(String source, String name) {
    byte[] bytes;
    try {
      bytes = STDIN.equals(source) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(source));
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.NO_INPUT, "cannot read " + name + ": no such file", e);
    } catch (IOException e) {
      throw new CliException(ExitCodes.IO_ERROR, "cannot read " + name + ": " + reason(e), e);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new CliException(ExitCodes.DATA_ERROR, name + ": not UTF-8 text", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Why reading failed, without the file name the caller already gives (a {@link
   * FileSystemException}'s message starts with it; an access denial has only the name).
   */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    if (reason == null || reason.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
  }
}
