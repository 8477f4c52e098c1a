package org.pledgepad.server.history;

import io.vertx.core.Future;

/**
 * How a restore reaches the document: in the server the live session (SessionRegistry.submit),
 * which logs, applies and broadcasts it like a client update and completes with its seq once
 * durable.
 */
@FunctionalInterface
interface LiveSubmit {
  Future<Long> submit(String doc, String actor, String connectionId, byte[] update);
}
