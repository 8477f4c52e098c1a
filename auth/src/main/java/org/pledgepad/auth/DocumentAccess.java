package org.pledgepad.auth;

import java.util.Objects;
import java.util.Set;

/**
 * The access-relevant facts of one document, loaded by the server from its document table.
 *
 * @param document   the document name (matched against a principal's document restriction)
 * @param ownerBody  the body whose members edit the document
 * @param editors    subjects who edit although not members of the owner body (e.g. a councillor
 *                   of a coalition partner)
 * @param commenters subjects invited to read and comment on a draft before consultation
 * @param stage      the life-cycle stage
 * @param deleted    the document was deleted (an empty draft started by mistake): nobody may
 *                   open it again under this name, admins included, since opening a name that
 *                   does not exist is how an admin creates a document
 */
public record DocumentAccess(String document, Body ownerBody, Set<String> editors,
    Set<String> commenters, Stage stage, boolean deleted) {
  public DocumentAccess {
    Ids.requireDocument(document);
    Objects.requireNonNull(ownerBody, "ownerBody");
    editors = Set.copyOf(Objects.requireNonNull(editors, "editors"));
    commenters = Set.copyOf(Objects.requireNonNull(commenters, "commenters"));
    Objects.requireNonNull(stage, "stage");
  }

  /** A document that exists (or may be created). */
  public DocumentAccess(String document, Body ownerBody, Set<String> editors, Set<String> commenters, Stage stage) {
    this(document, ownerBody, editors, commenters, stage, false);
  }

  /** Member: belongs to the owner body or is listed as an editor. */
  public boolean isMember(Principal p) {
    if (p.isAnonymous()) {
      return false;
    }
    return p.bodies().contains(ownerBody) || editors.contains(p.subject());
  }

  /** Participant: a member, or invited as a commenter. */
  public boolean isParticipant(Principal p) {
    return isMember(p) || (!p.isAnonymous() && commenters.contains(p.subject()));
  }

  public DocumentAccess withStage(Stage s) {
    return new DocumentAccess(document, ownerBody, editors, commenters, s, deleted);
  }
}
