package org.pledgepad.server.access;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Stage;
import org.pledgepad.auth.User;

/**
 * Accounts and document access as of the last refresh (immutable). Every authorization reads
 * the current snapshot, so a refresh after a change applies to the next message of every open
 * connection without any database access on the message path.
 *
 * @param mustChangePassword ids of accounts still on a one-time password: their cookie sessions
 *     act as guests until the password is changed
 * @param revokedTokens jtis on the revocation list: their tokens are refused, and connections
 *     opened with them are closed at the re-check that installs this snapshot
 * @param bodyNames display names of council bodies by id (a body may have none)
 * @param deletedNameHashes {@link DocumentAccessStore#nameHash}es of deleted documents: nobody
 *     opens them again (the documents map marks those it still lists)
 * @param usersByLogin the same accounts by login, derived from {@code usersById}: the sharing
 *     dialog names people by login, and a scan per name would grow with every account
 */
record AccessSnapshot(Map<String, User> usersById, Map<String, DocumentAccess> documents,
    Set<String> mustChangePassword, Set<String> revokedTokens, Map<String, String> bodyNames,
    Set<String> deletedNameHashes, Map<String, User> usersByLogin) {
  static final AccessSnapshot EMPTY = new AccessSnapshot(Map.of(), Map.of(), Set.of(), Set.of(), Map.of(), Set.of());

  AccessSnapshot(Map<String, User> usersById, Map<String, DocumentAccess> documents, Set<String> mustChangePassword,
      Set<String> revokedTokens, Map<String, String> bodyNames, Set<String> deletedNameHashes) {
    this(usersById, documents, mustChangePassword, revokedTokens, bodyNames, deletedNameHashes, byLogin(usersById));
  }

  private static Map<String, User> byLogin(Map<String, User> usersById) {
    Map<String, User> out = new java.util.HashMap<>();
    usersById.values().forEach(u -> out.put(u.login(), u));
    return out;
  }

  AccessSnapshot {
    usersById = Map.copyOf(usersById);
    usersByLogin = Map.copyOf(usersByLogin);
    documents = Map.copyOf(documents);
    mustChangePassword = Set.copyOf(mustChangePassword);
    revokedTokens = Set.copyOf(revokedTokens);
    bodyNames = Map.copyOf(bodyNames);
    deletedNameHashes = Set.copyOf(deletedNameHashes);
  }

  boolean tokenRevoked(String jti) {
    return revokedTokens.contains(jti);
  }

  boolean mustChangePassword(String userId) {
    return mustChangePassword.contains(userId);
  }

  Optional<User> user(String id) {
    return Optional.ofNullable(usersById.get(id));
  }

  Optional<User> userByLogin(String login) {
    return Optional.ofNullable(usersByLogin.get(login));
  }

  /**
   * The access facts of a document. A document the store does not know yet (a client may open
   * any valid name) is a draft nobody owns: only admins may read and create it, unless a document
   * of that name was deleted.
   */
  DocumentAccess document(String name) {
    DocumentAccess d = documents.get(name);
    if (d != null) {
      return d;
    }
    boolean deleted = !deletedNameHashes.isEmpty() && deletedNameHashes.contains(DocumentAccessStore.nameHash(name));
    return new DocumentAccess(name, DocumentAccessStore.NO_OWNER, Set.of(), Set.of(), Stage.DRAFT, deleted);
  }

  /** Whether a document of this name was deleted (and may not be opened or created again). */
  boolean deleted(String name) {
    return document(name).deleted();
  }
}
