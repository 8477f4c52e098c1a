package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Stage;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.store.DocumentStore;

/**
 * The server's request guard behind the pledge routes: the principal from the Bearer token or the
 * session cookie (with its CSRF check on writes), owner body, editors and commenters from the
 * access layer, and the stage read from the document store at request time, so a document
 * imported a moment ago is judged by its real stage before the access snapshot next refreshes.
 */
public final class AccessGuardAdapter implements PledgeGuard {
  private final AccessControl access;
  private final DocumentStore documents;

  public AccessGuardAdapter(AccessControl access, DocumentStore documents) {
    this.access = access;
    this.documents = documents;
  }

  @Override
  public Future<Principal> principal(RoutingContext ctx) {
    return access.guard().principal(ctx);
  }

  @Override
  public String clientAddress(RoutingContext ctx) {
    return access.clientAddress(ctx);
  }

  @Override
  public Optional<String> displayName(String subject) {
    return access.displayName(subject);
  }

  @Override
  public boolean deleted(String document) {
    return access.guard().documentAccess(document).deleted();
  }

  @Override
  public Future<Optional<DocumentAccess>> access(String document) {
    return documents.document(document).map(info -> info.map(i ->
        access.guard().documentAccess(document).withStage(Stage.valueOf(i.stage().name()))));
  }
}
