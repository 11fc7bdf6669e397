package io.releve.gateway.diag;

import io.releve.contract.CommandResponse;

/**
 * A command answered with another code than 200, and the message the technician reads in the body
 * ({@code {"error": "…"}}).
 */
public final class CommandException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int code;

  public CommandException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** 400: an argument is missing or bad. */
  public static CommandException badRequest(String message) {
    return new CommandException(CommandResponse.BAD_REQUEST, message);
  }

  /** 404: no such meter, bus or key. */
  public static CommandException notFound(String message) {
    return new CommandException(CommandResponse.NOT_FOUND, message);
  }

  /** 500: the command was tried and failed. */
  public static CommandException failed(String message) {
    return new CommandException(CommandResponse.FAILED, message);
  }

  /** 503: not now (busy, stopping). */
  public static CommandException unavailable(String message) {
    return new CommandException(CommandResponse.UNAVAILABLE, message);
  }

  public int code() {
    return code;
  }
}
