package io.releve.gateway.cli;

import io.releve.gateway.decode.DecodedFrameJson;
import io.releve.gateway.decode.DecoderSession;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.Hex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code releve decode HEX} and {@code releve decode -}: wired M-Bus frames to JSON. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes a wired M-Bus frame (68 L L 68 C A CI ... CS 16) and prints it as one JSON object.",
      "With '-', reads standard input: one telegram per line, 'HEX' or 'HEX KEY' (KEY: 32 hex"
          + " digits, for radio telegrams; keys are never accepted on the command line and never"
          + " printed). Blank lines and lines starting with '#' are skipped. Each line prints one"
          + " JSON object; a rejected line prints {\"error\": \"...\"} and decoding goes on."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every frame decoded",
      "64:wrong arguments",
      "65:the frame was rejected, or with '-' at least one line was (bad hex, bad framing,"
          + " malformed record)",
      "74:standard input could not be read"
    })
public final class DecodeCommand implements Callable<Integer> {
  private static final int KEY_HEX_DIGITS = 32;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "HEX",
      description = "The frame in hex (spaces allowed), or '-' to read telegrams from stdin.")
  List<String> hex;

  @Override
  public Integer call() throws IOException {
    DecoderSession session = new DecoderSession();
    if (hex.size() == 1 && hex.get(0).equals("-")) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      return decodeLines(session, in);
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      out.println(DecodedFrameJson.toJson(session.decode(Hex.parse(String.join("", hex)), null)));
    } catch (FrameRejectedException e) {
      throw new CliException(ExitCodes.DATA_ERROR, e.getMessage(), e);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private int decodeLines(DecoderSession session, BufferedReader in) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    boolean anyRejected = false;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      try {
        out.println(DecodedFrameJson.toJson(decodeLine(session, text)));
      } catch (FrameRejectedException e) {
        anyRejected = true;
        out.println(DecodedFrameJson.error(e.getMessage()));
      }
      out.flush();
    }
    return anyRejected ? ExitCodes.DATA_ERROR : ExitCodes.OK;
  }

  /** {@code HEX} or {@code HEX KEY}: a second token of exactly 32 hex digits is the key. */
  private static io.releve.gateway.decode.DecodedFrame decodeLine(
      DecoderSession session, String text) throws FrameRejectedException {
    String[] tokens = text.split("\\s+");
    if (tokens.length == 2 && tokens[1].length() == KEY_HEX_DIGITS) {
      byte[] key;
      try {
        key = Hex.parse(tokens[1]);
      } catch (FrameRejectedException e) {
        // The message would quote a key character: say only that the key is bad.
        throw new FrameRejectedException(
            e.reason(), "The key is not 32 hexadecimal digits; the telegram was not decoded.");
      }
      return session.decode(Hex.parse(tokens[0]), key);
    }
    return session.decode(Hex.parse(text), null);
  }
}
