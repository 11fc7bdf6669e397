package io.releve.gateway.diag;

import io.releve.contract.CommandRequest;

/**
 * A command that holds a bus for a while (a meter read, a scan). The {@link CommandDesk} runs one
 * at a time and answers 503 to the others, naming the one under way.
 */
public interface LongCommand extends CommandHandler {

  /**
   * What the request would do, for a busy answer: {@code scan of bus east}.
   *
   * @throws CommandException when its arguments are bad: the request is refused before it waits
   */
  String describe(CommandRequest request) throws CommandException;
}
