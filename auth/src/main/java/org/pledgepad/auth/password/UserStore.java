package org.pledgepad.auth.password;

import java.util.List;
import java.util.Optional;
import org.pledgepad.auth.User;

/**
 * Local accounts. The in-memory implementation serves tests and the demo; the server backs this
 * with its database. Calls may block (JDBC): the login path runs on a worker thread anyway
 * because Argon2 is CPU-bound.
 *
 * <p>Implementations must treat logins as unique and ids as immutable.
 */
public interface UserStore {
  Optional<StoredUser> findByLogin(String login);

  Optional<StoredUser> findById(String id);

  /** Adds an account; throws {@link DuplicateUserException} if the id or login exists. */
  void add(User user, String passwordHash, boolean mustChangePassword);

  /** All accounts ordered by login, without credentials. */
  List<User> list();

  /** Returns false if no such user. */
  boolean setDisabled(String id, boolean disabled);

  /** Returns false if no such user. */
  boolean setPassword(String id, String passwordHash, boolean mustChangePassword);

  /**
   * Replaces the account's display name, pseudonym flag, role, disabled state and bodies (not its
   * login, id or password). Returns false if no such user.
   */
  boolean update(User user);

  final class DuplicateUserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DuplicateUserException(String message) {
      super(message);
    }
  }
}
