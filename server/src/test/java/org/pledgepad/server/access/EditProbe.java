package org.pledgepad.server.access;

import java.util.List;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.access.SyncClient.Msg;
import org.pledgepad.server.access.SyncClient.Protocol;

/**
 * One editor's document under one clientID: each edit is sent as the difference since the last
 * one, so accepted edits stay contiguous and the only possible refusal is the permission (new
 * clientIDs per edit would run into the per-connection clientID limit instead).
 */
final class EditProbe {
  private final Doc doc;
  private byte[] sent;

  EditProbe(long clientId) {
    doc = new Doc(new DocOptions().clientID(clientId));
    sent = Y.encodeStateVector(doc);
  }

  private byte[] edit() {
    doc.getText("probe").insert(0, "x");
    byte[] diff = Y.encodeStateAsUpdate(doc, sent);
    sent = Y.encodeStateVector(doc);
    return diff;
  }

  /** Sends one edit over {@code c}; true if the server refused it. */
  boolean refused(SyncClient c, Protocol protocol) throws Exception {
    return refused(c, protocol, m -> { });
  }

  /** As {@link #refused(SyncClient, Protocol)}; every message read on the way goes to {@code seen}. */
  boolean refused(SyncClient c, Protocol protocol, java.util.function.Consumer<SyncClient.Msg> seen) throws Exception {
    c.sendUpdate(edit());
    if (protocol == Protocol.HOCUSPOCUS) {
      List<SyncClient.Msg> reply = c.until(m -> m.type() == 8);
      reply.forEach(seen);
      return reply.get(reply.size() - 1).sub() == 0;
    }
    c.sendStep1(new byte[] {0});
    List<Msg> reply = c.until(m -> m.type() == 0 && m.sub() == 1);
    return reply.stream().anyMatch(m -> m.type() == 2 && m.sub() == 0);
  }
}
