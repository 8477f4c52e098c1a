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
 */
record AccessSnapshot(Map<String, User> usersById, Map<String, DocumentAccess> documents,
    Set<String> mustChangePassword, Set<String> revokedTokens, Map<String, String> bodyNames) {
  static final AccessSnapshot EMPTY = new AccessSnapshot(Map.of(), Map.of(), Set.of(), Set.of(), Map.of());

  AccessSnapshot {
    usersById = Map.copyOf(usersById);
    documents = Map.copyOf(documents);
    mustChangePassword = Set.copyOf(mustChangePassword);
    revokedTokens = Set.copyOf(revokedTokens);
    bodyNames = Map.copyOf(bodyNames);
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

  /**
   * The access facts of a document. A document the store does not know yet (a client may open
   * any valid name) is a draft nobody owns: only admins may read and create it.
   */
  DocumentAccess document(String name) {
    DocumentAccess d = documents.get(name);
    return d != null ? d : new DocumentAccess(name, DocumentAccessStore.NO_OWNER, Set.of(), Set.of(), Stage.DRAFT);
  }
}
