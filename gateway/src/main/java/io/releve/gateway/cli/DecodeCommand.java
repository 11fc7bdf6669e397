package io.releve.gateway.cli;

import io.releve.common.cli.CliException;
import io.releve.gateway.decode.DecodedFrameJson;
import io.releve.gateway.decode.FrameRejectedException;
import io.releve.gateway.decode.Hex;
import io.releve.gateway.decode.radio.KeyLookup;
import io.releve.gateway.decode.radio.KeyStore;
import io.releve.gateway.decode.radio.TelegramSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code releve decode HEX} and {@code releve decode -}: wired M-Bus frames and wireless M-Bus
 * telegrams to JSON. With {@code -} the lines are one stream: a compact radio frame decodes after
 * the full frame of its meter on an earlier line.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Decodes a wired M-Bus frame (68 L L 68 C A CI ... CS 16) or a wireless M-Bus telegram",
      "(L C M M A A A A A A CI ..., with or without its data-link CRCs) and prints it as one JSON",
      "object; a radio telegram's object ends with a 'link' object (C field, frame format, ELL,",
      "AFL, security mode, authenticated...). Wired or radio is detected (--radio, --wired force it).",
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

  @picocli.CommandLine.ArgGroup(exclusive = true)
  KindOption kind;

  static final class KindOption {
    @picocli.CommandLine.Option(names = "--radio", description = "Take every telegram as radio.")
    boolean radio;

    @picocli.CommandLine.Option(names = "--wired", description = "Take every telegram as wired.")
    boolean wired;

    TelegramSession.Kind kind() {
      return radio ? TelegramSession.Kind.RADIO : TelegramSession.Kind.WIRED;
    }
  }

  @picocli.CommandLine.Option(
      names = "--keys",
      paramLabel = "FILE",
      description =
          "Decrypt radio telegrams with the keys of this key file (see 'releve keys'); a key on"
              + " a '-' line wins for that line.")
  Path keys;

  @Parameters(
      arity = "1..*",
      paramLabel = "HEX",
      description = "The frame in hex (spaces allowed), or '-' to read telegrams from stdin.")
  List<String> hex;

  @Override
  public Integer call() throws IOException {
    TelegramSession session = new TelegramSession(keyLookup());
    if (hex.size() == 1 && hex.get(0).equals("-")) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      return decodeLines(session, in);
    }
    if (hex.size() > 1
        && KeysCommand.isKey(hex.get(hex.size() - 1))
        && hex.get(hex.size() - 1).replaceAll("[\\s:]", "").length() == KEY_HEX_DIGITS) {
      throw new CliException(
          ExitCodes.USAGE,
          "a key is never taken from the command line (it would stay in the shell history and"
              + " show in ps): give the telegram and its key on standard input, 'HEX KEY' with"
              + " 'releve decode -', or use --keys FILE.");
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      out.println(toJson(session.decode(Hex.parse(String.join("", hex)), null, kind(), null)));
    } catch (FrameRejectedException e) {
      throw new CliException(ExitCodes.DATA_ERROR, e.getMessage(), e);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private TelegramSession.Kind kind() {
    return kind == null ? TelegramSession.Kind.DETECT : kind.kind();
  }

  private KeyLookup keyLookup() throws IOException {
    if (keys == null) {
      return KeyLookup.NONE;
    }
    if (KeysCommand.isKey(keys.toString())) {
      throw new CliException(
          ExitCodes.USAGE,
          "--keys names the key file; a key goes on a '-' line after the telegram.");
    }
    PrintWriter err = spec.commandLine().getErr();
    try {
      return KeyStore.open(
          keys,
          io.releve.gateway.config.GatewayConfig.Keys.DEFAULT_GROUP,
          notice -> {
            err.println("releve: warning: " + notice);
            err.flush();
          });
    } catch (KeyStore.KeyFileException e) {
      throw KeysCommand.failure(spec, e);
    }
  }

  private static String toJson(TelegramSession.Decoded decoded) {
    Map<String, Object> link = decoded.radio().map(radio -> radio.fields()).orElse(Map.of());
    return DecodedFrameJson.toJson(decoded.frame(), link);
  }

  private int decodeLines(TelegramSession session, BufferedReader in) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    boolean anyRejected = false;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      try {
        out.println(toJson(decodeLine(session, text)));
      } catch (FrameRejectedException e) {
        anyRejected = true;
        out.println(DecodedFrameJson.error(e.getMessage()));
      }
      out.flush();
    }
    return anyRejected ? ExitCodes.DATA_ERROR : ExitCodes.OK;
  }

  /** {@code HEX} or {@code HEX KEY}: a last token of exactly 32 hex digits is the key. */
  private TelegramSession.Decoded decodeLine(TelegramSession session, String text)
      throws FrameRejectedException {
    // the last token is the key when it has 32 hex digits: the telegram may be written in groups
    String[] tokens = text.split("\\s+");
    String last = tokens[tokens.length - 1];
    if (tokens.length >= 2 && last.length() == KEY_HEX_DIGITS) {
      byte[] key;
      try {
        key = Hex.parse(last);
      } catch (FrameRejectedException e) {
        // The message would quote a key character: say only that the key is bad.
        throw new FrameRejectedException(
            e.reason(), "The key is not 32 hexadecimal digits; the telegram was not decoded.");
      }
      String telegram = text.substring(0, text.length() - last.length());
      return session.decode(Hex.parse(telegram), key, kind(), null);
    }
    return session.decode(Hex.parse(text), null, kind(), null);
  }
}
