package org.pledgepad.auth;

/**
 * The one authorization function. The WebSocket path calls it for every incoming message (not
 * only at connect), the REST path for every request; both pass the principal as it is now, so a
 * downgraded or restricted principal takes effect on the next message.
 *
 * <p>Pure: no I/O, no clock, no state. Order of checks: a deleted document (nobody, whatever the
 * role), the document restriction of the token, then the table cell for role x stage x operation,
 * then the relation to the document the cell asks for.
 */
public final class Authorizer {
  private Authorizer() {}

  public static Decision authorize(Principal principal, DocumentAccess document, Operation operation) {
    if (principal == null || document == null || operation == null) {
      throw new NullPointerException("principal, document and operation are required");
    }
    if (document.deleted()) {
      return Decision.deny(Decision.Reason.DOCUMENT_DELETED);
    }
    if (principal.document() != null && !principal.document().equals(document.document())) {
      return Decision.deny(Decision.Reason.OTHER_DOCUMENT);
    }
    Condition cell = PermissionTable.condition(principal.role(), document.stage(), operation);
    return switch (cell) {
      case ALWAYS -> Decision.ALLOW;
      case NEVER -> Decision.deny(Decision.Reason.FORBIDDEN_FOR_ROLE_IN_STAGE);
      case MEMBER -> document.isMember(principal)
          ? Decision.ALLOW : Decision.deny(Decision.Reason.NOT_A_MEMBER);
      case PARTICIPANT -> document.isParticipant(principal)
          ? Decision.ALLOW : Decision.deny(Decision.Reason.NOT_A_PARTICIPANT);
    };
  }

  /** Convenience for the common yes/no question. */
  public static boolean isAllowed(Principal principal, DocumentAccess document, Operation operation) {
    return authorize(principal, document, operation).allowed();
  }

  /** The summary for the protocol's auth answer; see {@link AccessMode}. */
  public static AccessMode mode(Principal principal, DocumentAccess document) {
    if (!isAllowed(principal, document, Operation.READ)) {
      return AccessMode.NONE;
    }
    return isAllowed(principal, document, Operation.SYNC_WRITE) ? AccessMode.READ_WRITE : AccessMode.READ_ONLY;
  }
}
