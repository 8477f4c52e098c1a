package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Stage;
import org.pledgepad.server.store.DocumentStore;

/**
 * Default guard until request authentication exists: every request is anonymous, and a document's
 * access facts are its stage with no owner body (so nobody is a member). Guests therefore read
 * public documents and change nothing — the safe default.
 */
public final class StageOnlyGuard implements PledgeGuard {
  static final Body NO_OWNER = new Body("no-owner");

  private final DocumentStore store;

  public StageOnlyGuard(DocumentStore store) {
    this.store = store;
  }

  @Override
  public Future<Principal> principal(RoutingContext ctx) {
    return Future.succeededFuture(Principal.anonymous());
  }

  @Override
  public Future<Optional<DocumentAccess>> access(String document) {
    return store.document(document).map(d -> d.map(info ->
        new DocumentAccess(document, NO_OWNER, Set.of(), Set.of(), Stage.valueOf(info.stage().name()))));
  }
}
