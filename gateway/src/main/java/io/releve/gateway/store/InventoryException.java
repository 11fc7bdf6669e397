package io.releve.gateway.store;

import java.util.List;

/**
 * A change to the inventory breaks one of its rules: the device is already installed, its printed
 * serial belongs to another device, the dwelling's lot differs. Nothing was changed.
 */
public class InventoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * One broken rule.
   *
   * @param index the position of the device in the list given to {@link Inventory#importAll}, 0 for
   *     {@link Inventory#add}
   * @param field the field at fault: {@code id}, {@code printed_serial} or {@code lot}
   * @param value its value
   * @param problem what is wrong, without the value
   */
  public record Conflict(int index, String field, String value, String problem) {}

  private final transient List<Conflict> conflicts;

  public InventoryException(List<Conflict> conflicts) {
    super(describe(conflicts));
    this.conflicts = List.copyOf(conflicts);
  }

  public List<Conflict> conflicts() {
    return conflicts;
  }

  private static String describe(List<Conflict> conflicts) {
    Conflict first = conflicts.get(0);
    String more = conflicts.size() > 1 ? " (and " + (conflicts.size() - 1) + " more)" : "";
    return first.problem() + more;
  }
}
