package org.pledgepad.auth.password;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pledgepad.auth.User;

/** {@link UserStore} in a map, for tests and the database-less demo. Thread-safe by locking. */
public final class InMemoryUserStore implements UserStore {
  private final Map<String, StoredUser> byId = new LinkedHashMap<>();

  @Override
  public synchronized Optional<StoredUser> findByLogin(String login) {
    return byId.values().stream().filter(u -> u.user().login().equals(login)).findFirst();
  }

  @Override
  public synchronized Optional<StoredUser> findById(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized void add(User user, String passwordHash, boolean mustChangePassword) {
    if (byId.containsKey(user.id()) || findByLogin(user.login()).isPresent()) {
      throw new DuplicateUserException("a user with this id or login exists");
    }
    byId.put(user.id(), new StoredUser(user, passwordHash, mustChangePassword));
  }

  @Override
  public synchronized List<User> list() {
    return byId.values().stream().map(StoredUser::user)
        .sorted(Comparator.comparing(User::login)).toList();
  }

  @Override
  public synchronized boolean setDisabled(String id, boolean disabled) {
    StoredUser u = byId.get(id);
    if (u == null) {
      return false;
    }
    byId.put(id, new StoredUser(u.user().withDisabled(disabled), u.passwordHash(), u.mustChangePassword()));
    return true;
  }

  @Override
  public synchronized boolean setPassword(String id, String passwordHash, boolean mustChangePassword) {
    StoredUser u = byId.get(id);
    if (u == null) {
      return false;
    }
    byId.put(id, new StoredUser(u.user(), passwordHash, mustChangePassword));
    return true;
  }

  @Override
  public synchronized boolean update(User user) {
    StoredUser u = byId.get(user.id());
    if (u == null) {
      return false;
    }
    User kept = new User(user.id(), u.user().login(), user.displayName(), user.pseudonym(), user.role(), user.bodies(),
        user.disabled());
    byId.put(user.id(), new StoredUser(kept, u.passwordHash(), u.mustChangePassword()));
    return true;
  }
}
