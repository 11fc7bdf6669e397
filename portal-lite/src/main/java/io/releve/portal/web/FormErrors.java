package io.releve.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The translated error messages of a submitted form, by field name, in the order found. {@link
 * Forms} shows each next to its field and all of them in a summary at the top.
 */
public final class FormErrors {
  private final Messages messages;
  private final Map<String, String> byField = new LinkedHashMap<>();

  /** No errors yet; messages are looked up in {@code request}'s language. */
  public FormErrors(Request request) {
    this.messages = request.messages();
  }

  /** Records the text of {@code key} as the error of {@code field} (the first one stays). */
  public FormErrors reject(String field, String key, Object... args) {
    byField.putIfAbsent(field, messages.get(key, args));
    return this;
  }

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  /** The error of {@code field}. */
  public Optional<String> of(String field) {
    return Optional.ofNullable(byField.get(field));
  }

  /** All errors, field to message, in order. */
  public Map<String, String> all() {
    return Map.copyOf(byField);
  }

  Map<String, String> ordered() {
    return byField;
  }
}
