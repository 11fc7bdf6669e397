package io.releve.gateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the cloud bridge's jar is, for the drain benchmark: it runs the real bridge. */
public final class CloudJar {

  /** Set by {@code ./releve} to the jar it built. */
  public static final String VARIABLE = "RELEVE_CLOUD_JAR";

  /** The jar under the checkout, as {@code mvn package} leaves it. */
  static final Path IN_CHECKOUT = Path.of("cloud-bridge", "bridge", "target", "releve-cloud.jar");

  static final String HOW_TO_BUILD =
      "build it with ./releve bench drain (the launcher builds it) or mvn -B -DskipTests -pl"
          + " cloud-bridge/bridge -am package";

  private CloudJar() {}

  /**
   * {@code given} when not null, else {@code $RELEVE_CLOUD_JAR}, else the jar under {@code
   * $RELEVE_HOME}.
   *
   * @param environment the process environment (a map in tests)
   * @throws MissingPieceException naming where it looked and how to build the jar
   */
  public static Path locate(Path given, Map<String, String> environment) {
    Path jar;
    String from;
    if (given != null) {
      jar = given;
      from = "--cloud-jar";
    } else if (!blank(environment.get(VARIABLE))) {
      jar = Path.of(environment.get(VARIABLE));
      from = "$" + VARIABLE;
    } else if (!blank(environment.get("RELEVE_HOME"))) {
      jar = Path.of(environment.get("RELEVE_HOME")).resolve(IN_CHECKOUT);
      from = "$RELEVE_HOME";
    } else {
      throw new MissingPieceException(
          "The cloud bridge's jar is needed: set "
              + VARIABLE
              + " or run through ./releve, which builds it; or "
              + HOW_TO_BUILD
              + ".");
    }
    if (!Files.isRegularFile(jar)) {
      throw new MissingPieceException(
          "The cloud bridge's jar ["
              + jar
              + "] (from "
              + from
              + ") is missing: "
              + HOW_TO_BUILD
              + ".");
    }
    return jar;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
