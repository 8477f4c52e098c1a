package org.pledgepad.annotations.service;

import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;

/**
 * A private copy of a live document for annotation work off the document's own thread. The
 * server encodes the live state on the session's context ({@code Y.encodeStateAsUpdate}), then
 * resolves anchors or accepts suggestions on the copy in a worker; an accepted suggestion's
 * update is then fed into the live session like any client update. The copy has a fresh random
 * clientID, so the accepted edit gets a clientID of its own that the server binds to the
 * accepting editor — never the server's clientID, never someone else's.
 */
public final class Replicas {
  private Replicas() {}

  public static Doc of(byte[] stateAsUpdate) {
    Doc doc = new Doc();
    Y.applyUpdate(doc, stateAsUpdate);
    return doc;
  }
}
