package io.releve.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;

/**
 * The texts of one language, read from the bundles {@code
 * io/releve/portal/i18n/<bundle>_<lang>.properties} (UTF-8). Each feature owns one bundle; a bundle
 * file that does not exist is skipped, a key defined in two bundles is refused.
 *
 * <p>Values are {@link MessageFormat} patterns formatted in the language's locale: {@code {0}} is
 * the first argument. A straight apostrophe is a quote character for MessageFormat and would
 * silently vanish, so it is refused when loading: write the typographic {@code ’} (or {@code ''}).
 */
public final class Messages {
  /**
   * The bundles, by owner: web, enrolment, account, manager, privacy, dashboard, alerts,
   * notifications, documents, and charts and index export texts.
   */
  public static final List<String> BUNDLES =
      List.of(
          "common",
          "enrol",
          "account",
          "manager",
          "privacy",
          "dashboard",
          "alerts",
          "notify",
          "documents",
          "charts");

  private static final String FOLDER = "io/releve/portal/i18n/";

  private final Lang lang;
  private final Map<String, String> texts;

  private Messages(Lang lang, Map<String, String> texts) {
    this.lang = lang;
    this.texts = Map.copyOf(texts);
  }

  /**
   * Reads the bundles of a language from the class path.
   *
   * @throws IllegalStateException when a key is in two bundles or a value has a lone apostrophe
   */
  public static Messages load(Lang lang) {
    Map<String, String> texts = new HashMap<>();
    Map<String, String> origin = new HashMap<>();
    for (String bundle : BUNDLES) {
      String file = FOLDER + bundle + "_" + lang.code() + ".properties";
      for (Map.Entry<Object, Object> entry : read(file).entrySet()) {
        String key = (String) entry.getKey();
        String value = (String) entry.getValue();
        String before = origin.putIfAbsent(key, file);
        if (before != null) {
          throw new IllegalStateException("Key " + key + " is in both " + before + " and " + file);
        }
        if (value.replace("''", "").indexOf('\'') >= 0) {
          throw new IllegalStateException(
              "Key " + key + " in " + file + " has a lone ' (MessageFormat drops it): use ’");
        }
        texts.put(key, value);
      }
    }
    return new Messages(lang, texts);
  }

  private static Properties read(String file) {
    Properties properties = new Properties();
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(file)) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return properties;
  }

  /** The language of these texts. */
  public Lang lang() {
    return lang;
  }

  /**
   * The text of {@code key} with {@code args} formatted in.
   *
   * @throws MissingResourceException when the key is in no bundle of this language: a missing text
   *     is a bug to see at once, never a page showing a key
   */
  public String get(String key, Object... args) {
    String pattern = texts.get(key);
    if (pattern == null) {
      throw new MissingResourceException(
          "No text for key " + key + " in language " + lang.code(), "Messages", key);
    }
    return new MessageFormat(pattern, lang.locale()).format(args);
  }

  /** The text of {@code key} as escaped HTML. */
  public Html html(String key, Object... args) {
    return Html.text(get(key, args));
  }

  /** Whether {@code key} has a text (for optional help texts). */
  public boolean has(String key) {
    return texts.containsKey(key);
  }
}
