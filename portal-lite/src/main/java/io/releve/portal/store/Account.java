package io.releve.portal.store;

import java.time.Instant;

/**
 * A resident's or a manager's account. After closing, the personal fields (e-mail, names, phone,
 * password hash) are null.
 *
 * @param email lower case
 * @param passwordHash the Argon2id PHC string, null until the first login; {@link #toString()}
 *     never shows it
 */
public record Account(
    long id,
    String email,
    AccountKind kind,
    String lastName,
    String firstName,
    String phone,
    String passwordHash,
    Instant termsAcceptedAt,
    Lang lang,
    Instant createdAt,
    Instant activatedAt,
    Instant closedAt) {

  /** Whether the activation link was used (a password was set). */
  public boolean isActivated() {
    return activatedAt != null;
  }

  /** Whether the account was closed: it can no longer log in. */
  public boolean isClosed() {
    return closedAt != null;
  }

  /** Whether it may log in: activated, not closed, with a password. */
  public boolean canLogIn() {
    return isActivated() && !isClosed() && passwordHash != null;
  }

  @Override
  public String toString() {
    // the hash is a secret too: offline guessing starts from it
    return "Account[id=" + id + ", kind=" + kind.value() + ", closed=" + isClosed() + "]";
  }
}
