package io.releve.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A gateway's answer on {@code releve/v1/{gateway}/cmd/{name}/res/{id}}, to the request with the
 * same command and correlation id.
 *
 * @param v the contract version, {@value Contract#VERSION}
 * @param code as in HTTP: {@value #OK} done, {@value #BAD_REQUEST} bad arguments, {@value
 *     #NOT_FOUND} no such meter or bus, {@value #FAILED} the command failed, {@value #UNAVAILABLE}
 *     the gateway cannot do it now (busy bus, still starting); a reader treats another code by its
 *     class (2xx, 4xx, 5xx)
 * @param body the answer: any JSON, such as an object, a list of lines, or {@code {"error": "…"}};
 *     JSON {@code null} when there is nothing to say. A copy: changing it changes nothing here
 */
public record CommandResponse(
    @JsonProperty(required = true) int v, @JsonProperty(required = true) int code, JsonNode body) {

  public static final int OK = 200;
  public static final int BAD_REQUEST = 400;
  public static final int NOT_FOUND = 404;
  public static final int FAILED = 500;
  public static final int UNAVAILABLE = 503;

  /**
   * Checks every field.
   *
   * @throws ContractException naming the first bad field and its value
   */
  public CommandResponse {
    Check.version(v);
    Check.between("code", code, 200, 599);
    body = Check.present("body", body).deepCopy();
  }

  /** A response of this contract version; a Java null body is JSON {@code null}. */
  public static CommandResponse of(int code, JsonNode body) {
    return new CommandResponse(
        Contract.VERSION, code, body == null ? NullNode.getInstance() : body);
  }

  /** A copy of the body. */
  @Override
  public JsonNode body() {
    return body.deepCopy();
  }
}
