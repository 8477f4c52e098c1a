package org.pledgepad.server.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.UpdateSplitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One update on its way to several peers, split (crdt's UpdateSplitter) for each peer's
 * {@link Peer#maxSyncPayloadBytes()} at most once per distinct limit: y-websocket and
 * Hocuspocus peers of one document differ by the document name in every message.
 */
final class OutgoingUpdate {
  private static final Logger LOG = LoggerFactory.getLogger(OutgoingUpdate.class);

  private final byte[] update;
  private final Map<Integer, List<byte[]>> partsByLimit = new HashMap<>(2);

  OutgoingUpdate(byte[] update) {
    this.update = update;
  }

  byte[] update() {
    return update;
  }

  /** The update itself, or its parts in sending order when it exceeds {@code p}'s limit. */
  List<byte[]> partsFor(Peer p) {
    int limit = p.maxSyncPayloadBytes();
    if (update.length <= limit) {
      return List.of(update);
    }
    return partsByLimit.computeIfAbsent(limit, this::split);
  }

  private List<byte[]> split(int limit) {
    try {
      return UpdateSplitter.split(update, limit);
    } catch (RuntimeException e) {
      // Only the server's own state and accepted updates come here, so this is a bug; the
      // peer still gets everything, in one message over the limit, as before splitting.
      LOG.error("Splitting an update of {} bytes failed; sent whole", update.length, e);
      return List.of(update);
    }
  }
}
