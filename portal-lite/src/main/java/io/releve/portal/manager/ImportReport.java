package io.releve.portal.manager;

import io.releve.portal.web.Messages;
import java.util.List;

/**
 * What an import did: how many lines were stored, and each refused line with its reason.
 *
 * @param accepted the lines stored (a line stored again unchanged counts too)
 * @param rejected the refused lines, in file order
 */
public record ImportReport(ImportKind kind, int accepted, List<Rejection> rejected) {

  public ImportReport {
    rejected = List.copyOf(rejected);
  }

  /** Whether every line was accepted. */
  public boolean complete() {
    return rejected.isEmpty();
  }

  /**
   * A refused line.
   *
   * @param line its number in the file (1 is the header)
   * @param key the message key of the reason, in the {@code manager} bundle
   * @param args the reason's arguments, as text
   */
  public record Rejection(int line, String key, List<String> args) {

    public Rejection {
      args = List.copyOf(args);
    }

    /** The reason in the language of {@code messages}. */
    public String reason(Messages messages) {
      return messages.get(key, args.toArray());
    }
  }
}
