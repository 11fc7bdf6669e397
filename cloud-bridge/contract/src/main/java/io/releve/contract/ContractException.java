package io.releve.contract;

/**
 * A payload, topic or value that breaks the MQTT contract. The message names what was wrong and
 * where: the JSON field (as a path such as {@code readings[2].seq}) and the bad value, or the topic
 * and the index of the first bad character.
 *
 * <p>An {@link IllegalArgumentException}: inside a process, contract values are built from trusted
 * types and this is a programming error; at the edge (a payload or a topic from MQTT) it is bad
 * input, to be logged and counted, never retried.
 */
public final class ContractException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The JSON path of the bad field, or null when the problem is not about one field. */
  private final String field;

  /** What is wrong with the field, such as {@code must be at least 1, found [0].} */
  private final String problem;

  /** A problem not tied to a field of a payload, such as a bad gateway id or topic. */
  public ContractException(String message) {
    this(null, message, null);
  }

  ContractException(String message, Throwable cause) {
    this(null, message, cause);
  }

  private ContractException(String field, String problem, Throwable cause) {
    super(field == null ? problem : "Field [" + field + "] " + problem, cause);
    this.field = field;
    this.problem = problem;
  }

  /** {@code Field [field] problem}, such as {@code Field [seq] must be at least 1, found [0].} */
  static ContractException field(String field, String problem) {
    return new ContractException(field, problem, null);
  }

  static ContractException field(String field, String problem, Throwable cause) {
    return new ContractException(field, problem, cause);
  }

  /** The JSON path of the bad field ({@code readings[2].seq}), or null. */
  public String field() {
    return field;
  }

  /**
   * This problem seen from a payload, where the value it is about sits at {@code path}: a field's
   * path is prefixed with it, and a problem about a value (a gateway id, a time) is said of the
   * field that holds it.
   */
  ContractException at(String path) {
    if (path.isEmpty()) {
      return this;
    }
    if (field == null) {
      return new ContractException(path, "is not valid: " + getMessage(), this);
    }
    return new ContractException(path + "." + field, problem, this);
  }
}
