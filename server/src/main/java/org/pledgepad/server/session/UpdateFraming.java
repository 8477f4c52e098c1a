package org.pledgepad.server.session;

import org.pledgepad.server.wire.SharedFrame;

/**
 * How a protocol frames one sync update as a network message. Peers whose frames of the same
 * update are byte-identical (same protocol, same document name) return equal framings, so a
 * broadcast frames each update once per framing and every such peer writes the same buffer
 * instead of building and copying its own (a group commit delivers each update to every peer
 * of the document). Implementations are value objects (equals/hashCode).
 */
public interface UpdateFraming {
  /** The whole message carrying {@code update}, shared by every peer it goes to. */
  SharedFrame frame(byte[] update);
}
