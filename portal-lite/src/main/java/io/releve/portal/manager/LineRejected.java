package io.releve.portal.manager;

import java.util.List;

/** Why one line of an import is refused: a message key and its arguments. */
final class LineRejected extends Exception {

  private final String key;
  private final List<String> args;

  LineRejected(String key, String... args) {
    super(key, null, false, false);
    this.key = key;
    this.args = List.of(args);
  }

  ImportReport.Rejection at(int line) {
    return new ImportReport.Rejection(line, key, args);
  }
}
