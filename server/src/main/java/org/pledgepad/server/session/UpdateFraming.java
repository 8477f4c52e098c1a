package org.pledgepad.server.session;

import io.vertx.core.buffer.Buffer;

/**
 * How a protocol frames one sync update as a network message. Peers whose frames of the same
 * update are byte-identical (same protocol, same document name) return equal framings, so a
 * broadcast frames each update once per framing and every such peer writes the same buffer
 * instead of building and copying its own (a group commit delivers each update to every peer
 * of the document). Implementations are value objects (equals/hashCode).
 */
public interface UpdateFraming {
  /**
   * The whole message carrying {@code update}. The buffer is shared by every peer it goes to:
   * nobody may modify it (Vert.x writes a slice of it, so each write has its own read position).
   */
  Buffer frame(byte[] update);
}
