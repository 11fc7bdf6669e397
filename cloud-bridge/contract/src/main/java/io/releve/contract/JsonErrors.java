package io.releve.contract;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Turns Jackson's failures into {@link ContractException}s that name the field as a JSON path
 * ({@code readings[2].seq}) and the bad value, as a person reading the payload would look for it.
 */
final class JsonErrors {

  private JsonErrors() {}

  static ContractException translate(JsonProcessingException e) {
    if (e instanceof JsonParseException parse) {
      return new ContractException(
          "Payload is not valid JSON: " + parse.getOriginalMessage() + where(parse) + ".", e);
    }
    if (!(e instanceof JsonMappingException mapping)) {
      return new ContractException("Payload could not be read: " + e.getOriginalMessage(), e);
    }
    String path = path(mapping);
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ContractException contract) {
        return contract.at(path);
      }
    }
    if (mapping instanceof MismatchedInputException mismatch
        && mismatch.getProcessor() instanceof JsonParser parser) {
      return mismatch(path, mismatch, parser);
    }
    return new ContractException(
        path.isEmpty()
            ? "Payload could not be read: " + mapping.getOriginalMessage()
            : "Field [" + path + "] could not be read: " + mapping.getOriginalMessage(),
        e);
  }

  private static ContractException mismatch(
      String path, MismatchedInputException e, JsonParser parser) {
    JsonToken token = parser.currentToken();
    if (path.isEmpty()) {
      return new ContractException(
          token == null
              ? "Payload is empty."
              : "Payload must be a JSON object, found " + found(parser) + ".",
          e);
    }
    // a required field absent (the parser has reached the end of its object) or null
    if (token == null || token == JsonToken.END_OBJECT || token == JsonToken.VALUE_NULL) {
      return ContractException.field(path, "is missing or null.", e);
    }
    return ContractException.field(
        path, "must be " + expected(e.getTargetType()) + ", found " + found(parser) + ".", e);
  }

  /** {@code readings[2].seq} from Jackson's path of references. */
  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "something else";
    }
    if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
      return "a whole number";
    }
    if (type == String.class
        || type == Instant.class
        || type == UUID.class
        || type == GatewayId.class
        || type.isEnum()) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "a " + type.getSimpleName();
  }

  private static String found(JsonParser parser) {
    try {
      return Json.found(parser);
    } catch (IOException e) {
      return "[" + parser.currentToken() + "]";
    }
  }

  private static String where(JsonParseException e) {
    JsonLocation location = e.getLocation();
    return location == null
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}
