package io.releve.portal.web;

/**
 * The content of one page: its title (shown in the tab and as the {@code <h1>}) and its body. The
 * {@link Layout} wraps it in the portal's header, navigation, alert banner and footer, in the
 * visitor's language.
 *
 * @param title the translated title, plain text
 * @param body what goes under the title inside {@code <main>}
 */
public record Page(String title, Html body) {
  /** A page titled {@code title}. */
  public static Page of(String title, Html body) {
    return new Page(title, body);
  }
}
