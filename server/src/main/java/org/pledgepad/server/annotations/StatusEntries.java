package org.pledgepad.server.annotations;

import io.vertx.core.Future;

/**
 * Whether a pledge of a document has a status entry with that index: asked before anyone may
 * read or write comments about it, so no comment names a pledge or entry that does not exist.
 * The pledge module answers it; without one, no status entry exists.
 */
@FunctionalInterface
public interface StatusEntries {
  StatusEntries NONE = (document, pledgeId, entry) -> Future.succeededFuture(false);

  Future<Boolean> exists(String document, String pledgeId, int entry);
}
