package io.releve.gateway.diag;

import io.releve.contract.CommandRequest;
import io.releve.contract.CommandResponse;
import java.util.Set;

/**
 * Answers one technician's command. A handler checks its arguments' values; the {@link CommandDesk}
 * has already refused argument names outside {@link #arguments()}, and turns what the handler
 * throws into a response: a {@link CommandException} into its code, anything else into 500.
 */
@FunctionalInterface
public interface CommandHandler {

  /**
   * @throws CommandException for an answer other than 200 that the handler chose (bad argument,
   *     unknown meter, busy bus)
   * @throws Exception for a failure: the desk answers 500 with its message
   */
  CommandResponse answer(CommandRequest request) throws Exception;

  /** The argument names it accepts; none unless it says otherwise. */
  default Set<String> arguments() {
    return Set.of();
  }

  /**
   * A handler that accepts {@code arguments}: for a handler written as a lambda.
   *
   * @param arguments the names it accepts
   */
  static CommandHandler accepting(Set<String> arguments, CommandHandler handler) {
    Set<String> accepted = Set.copyOf(arguments);
    return new CommandHandler() {
      @Override
      public CommandResponse answer(CommandRequest request) throws Exception {
        return handler.answer(request);
      }

      @Override
      public Set<String> arguments() {
        return accepted;
      }
    };
  }
}
