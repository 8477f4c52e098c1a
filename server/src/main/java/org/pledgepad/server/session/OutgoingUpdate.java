package org.pledgepad.server.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.UpdateSplitter;
import org.pledgepad.server.wire.SharedFrame;
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
  /**
   * Sent before {@link #update} (null: nothing): the two together are one step 2 answer, sent
   * through {@link #partsFor}; broadcasts ({@link #sendTo}) never have one.
   */
  private final OutgoingUpdate first;
  /** Made when first needed: a broadcast of an update that fits needs none. */
  private Map<Integer, List<byte[]>> partsByLimit;
  /**
   * The whole update framed once per framing, shared by the peers that frame it alike: the
   * first framing in two fields (a document's peers usually all speak one protocol), any other
   * in {@link #moreFramed}. One is made per broadcast update, so no maps unless needed.
   */
  private UpdateFraming firstFraming;
  private SharedFrame firstFrame;
  private Map<UpdateFraming, SharedFrame> moreFramed;

  OutgoingUpdate(byte[] update) {
    this(null, update);
  }

  /** {@code first}'s parts, then {@code then}'s: a peer applies both, in this order. */
  OutgoingUpdate(OutgoingUpdate first, byte[] then) {
    this.first = first;
    this.update = then;
  }

  byte[] update() {
    return update;
  }

  /**
   * Sends the update to {@code p}: as a message shared with every peer of the same framing when
   * it fits in one, else as {@code p}'s own parts (rare: restores, large pastes from other nodes).
   */
  void sendTo(Peer p) {
    UpdateFraming f = p.updateFraming();
    if (f == null || update.length > p.maxSyncPayloadBytes()) {
      p.sendUpdateParts(partsFor(p));
      return;
    }
    p.sendFramedUpdate(framedFor(f));
  }

  private SharedFrame framedFor(UpdateFraming f) {
    if (firstFraming == null) {
      firstFraming = f;
      firstFrame = f.frame(update);
    }
    if (firstFraming.equals(f)) {
      return firstFrame;
    }
    if (moreFramed == null) {
      moreFramed = new HashMap<>(2);
    }
    SharedFrame message = moreFramed.get(f);
    if (message == null) {
      message = f.frame(update);
      moreFramed.put(f, message);
    }
    return message;
  }

  /** The update itself, or its parts in sending order when it exceeds {@code p}'s limit. */
  List<byte[]> partsFor(Peer p) {
    int limit = p.maxSyncPayloadBytes();
    if (first == null && update.length <= limit) {
      return List.of(update);
    }
    if (partsByLimit == null) {
      partsByLimit = new HashMap<>(2);
    }
    return partsByLimit.computeIfAbsent(limit, l -> {
      List<byte[]> own = update.length <= l ? List.of(update) : split(l);
      if (first == null) {
        return own;
      }
      List<byte[]> all = new java.util.ArrayList<>(first.partsFor(p));
      all.addAll(own);
      return List.copyOf(all);
    });
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
