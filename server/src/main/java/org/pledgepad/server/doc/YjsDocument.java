package org.pledgepad.server.doc;

import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.UpdateLimits;
import org.pledgepad.crdt.Y;

/**
 * The adapter to our Yjs port: the one class of the server that touches the CRDT's document
 * model. A peer's update is decoded once (structs and delete set) against the limits for
 * untrusted peers (crdt's UpdateLimits: a struct budget by size, caps on structs, delete ranges,
 * clients and Any nesting) and that decoding is what is applied after the commit; malformed or
 * over-budget input raises DecodingException there. Stored bytes (snapshots, logged updates) are
 * applied without a budget: the state was admitted update by update and may be denser than any
 * one.
 */
public final class YjsDocument implements SharedDocument {
  private final Doc doc = new Doc();
  private final UpdateLimits peerLimits;
  private long size;

  public YjsDocument() {
    this(UpdateLimits.UNTRUSTED);
  }

  public YjsDocument(UpdateLimits peerLimits) {
    this.peerLimits = peerLimits;
  }

  @Override
  public boolean addsNothing(ReceivedUpdate update) {
    return update.parsed.addsNothingTo(doc);
  }

  @Override
  public ReceivedUpdate parse(byte[] update) {
    try {
      return new ReceivedUpdate(update, Y.parseUpdate(update, peerLimits));
    } catch (RuntimeException | StackOverflowError e) {
      // DecodingException is the documented failure; anything else from hostile bytes is
      // treated the same way rather than taking the session down.
      throw new UpdateRejectedException("update does not decode", e instanceof RuntimeException r ? r : null);
    }
  }

  @Override
  public void apply(ReceivedUpdate update) {
    Y.applyParsedUpdate(doc, update.parsed, null);
    size += update.bytes().length;
  }

  @Override
  public void apply(byte[] update) {
    Y.applyUpdate(doc, update, null, UpdateLimits.TRUSTED);
    size += update.length;
  }

  /** One Yjs transaction for the whole list: one cleanup and merge pass instead of one per update. */
  @Override
  public java.util.List<Integer> applyAll(java.util.List<byte[]> updates) {
    java.util.List<Integer> failed = new java.util.ArrayList<>();
    doc.transact(tr -> {
      for (int i = 0; i < updates.size(); i++) {
        try {
          Y.applyUpdate(doc, updates.get(i), null, UpdateLimits.TRUSTED);
          size += updates.get(i).length;
        } catch (RuntimeException | StackOverflowError e) {
          failed.add(i);
        }
      }
    });
    return failed;
  }

  @Override
  public byte[] stateVector() {
    return Y.encodeStateVector(doc);
  }

  @Override
  public long clock(long clientId) {
    return Y.getState(doc.store, clientId);
  }

  @Override
  public byte[] diff(byte[] stateVector) {
    try {
      return Y.encodeStateAsUpdate(doc, stateVector);
    } catch (RuntimeException e) {
      throw new UpdateRejectedException("state vector does not decode", e);
    }
  }

  @Override
  public byte[] encodeState() {
    byte[] state = Y.encodeStateAsUpdate(doc);
    size = state.length;
    return state;
  }

  @Override
  public long approximateSize() {
    return size;
  }

  /** See {@link StructUnlinker}: after an unload the next open otherwise copies this state's young part. */
  @Override
  public void release() {
    StructUnlinker.unlink(doc);
  }
}
