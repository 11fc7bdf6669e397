package io.releve.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ShippedFlagsTest {

  /** The package's launcher: {@code gateway_flags="…"}, continued over lines with a backslash. */
  static final Path LAUNCHER = Path.of("src", "deb", "releve");

  private static final Pattern GATEWAY_FLAGS =
      Pattern.compile("^gateway_flags=\"([^\"]*)\"", Pattern.MULTILINE);

  @Test
  void gatewayFlags_areThoseThePackagesLauncherStartsTheDaemonWith() throws Exception {
    Matcher flags = GATEWAY_FLAGS.matcher(Files.readString(LAUNCHER));

    assertEquals(true, flags.find(), "no gateway_flags=\"…\" in " + LAUNCHER);
    List<String> shipped = Arrays.asList(flags.group(1).replace("\\\n", " ").trim().split("\\s+"));
    assertEquals(shipped, ShippedFlags.GATEWAY);
  }
}
