package io.releve.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A technician's request on {@code releve/v1/{gateway}/cmd/{name}/req/{id}}; the command is named
 * by the topic, the correlation id too. The gateway answers with a {@link CommandResponse} on
 * {@code …/cmd/{name}/res/{id}}.
 *
 * @param v the contract version, {@value Contract#VERSION}
 * @param args the command's arguments, names to text values ({@code "meter":
 *     "SEN-12345601-68-16"}); at most {@value #MAX_ARGS}; absent in the JSON means none
 */
public record CommandRequest(@JsonProperty(required = true) int v, Map<String, String> args) {

  public static final int MAX_ARGS = 16;

  /** Long enough for a device key, a bus name, a number of lines. */
  public static final int MAX_VALUE_LENGTH = 256;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  /**
   * Checks every field.
   *
   * @throws ContractException naming the first bad argument
   */
  public CommandRequest {
    Check.version(v);
    if (args == null) {
      args = Map.of();
    }
    if (args.size() > MAX_ARGS) {
      throw ContractException.field(
          "args", "must hold at most " + MAX_ARGS + " arguments, found " + args.size() + ".");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> arg : args.entrySet()) {
      String name = Check.present("args", arg.getKey());
      if (!NAME.matcher(name).matches()) {
        throw ContractException.field(
            "args",
            "must name its arguments with 1 to 32 lower-case letters, digits or hyphens, starting"
                + " with a letter, found ["
                + name
                + "].");
      }
      copy.put(name, Check.anyText("args." + name, arg.getValue(), MAX_VALUE_LENGTH));
    }
    args = Collections.unmodifiableMap(copy);
  }

  /** A request of this contract version. */
  public CommandRequest(Map<String, String> args) {
    this(Contract.VERSION, args);
  }
}
