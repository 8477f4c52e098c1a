package org.pledgepad.crdt;

// Follows yjs/src/utils/Snapshot.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pledgepad.crdt.lib0.Decoder;

/**
 * A document state as (delete set, state vector): enough to reconstruct what was visible at
 * that moment, provided the document does not garbage-collect.
 */
public final class Snapshot {
  /** Key of Transaction.meta under which split snapshots are remembered. */
  private static final Object SPLIT_META_KEY = new Object();

  public final DeleteSet ds;
  public final Map<Long, Long> sv;

  public Snapshot(DeleteSet ds, Map<Long, Long> sv) {
    this.ds = ds;
    this.sv = sv;
  }

  public static boolean equalSnapshots(Snapshot snap1, Snapshot snap2) {
    Map<Long, ArrayList<DeleteItem>> ds1 = snap1.ds.clients;
    Map<Long, ArrayList<DeleteItem>> ds2 = snap2.ds.clients;
    if (snap1.sv.size() != snap2.sv.size() || ds1.size() != ds2.size()) {
      return false;
    }
    for (Map.Entry<Long, Long> e : snap1.sv.entrySet()) {
      if (!e.getValue().equals(snap2.sv.get(e.getKey()))) {
        return false;
      }
    }
    for (Map.Entry<Long, ArrayList<DeleteItem>> e : ds1.entrySet()) {
      List<DeleteItem> d1 = e.getValue();
      List<DeleteItem> d2 = ds2.containsKey(e.getKey()) ? ds2.get(e.getKey()) : Collections.emptyList();
      if (d1.size() != d2.size()) {
        return false;
      }
      for (int i = 0; i < d1.size(); i++) {
        if (d1.get(i).clock != d2.get(i).clock || d1.get(i).len != d2.get(i).len) {
          return false;
        }
      }
    }
    return true;
  }

  public static byte[] encodeSnapshotV2(Snapshot snapshot, DSEncoder encoder) {
    DeleteSet.writeDeleteSet(encoder, snapshot.ds);
    Encoding.writeStateVector(encoder, snapshot.sv);
    return encoder.toUint8Array();
  }

  public static byte[] encodeSnapshotV2(Snapshot snapshot) {
    return encodeSnapshotV2(snapshot, new DSEncoderV2());
  }

  public static byte[] encodeSnapshot(Snapshot snapshot) {
    return encodeSnapshotV2(snapshot, new DSEncoderV1());
  }

  public static Snapshot decodeSnapshotV2(byte[] buf, DSDecoder decoder) {
    return new Snapshot(DeleteSet.readDeleteSet(decoder), Encoding.readStateVector(decoder));
  }

  public static Snapshot decodeSnapshotV2(byte[] buf) {
    return decodeSnapshotV2(buf, new DSDecoderV2(new Decoder(buf)));
  }

  public static Snapshot decodeSnapshot(byte[] buf) {
    return decodeSnapshotV2(buf, new DSDecoderV1(new Decoder(buf)));
  }

  public static Snapshot createSnapshot(DeleteSet ds, Map<Long, Long> sm) {
    return new Snapshot(ds, sm);
  }

  public static Snapshot emptySnapshot() {
    return new Snapshot(new DeleteSet(), new LinkedHashMap<>());
  }

  public static Snapshot snapshot(Doc doc) {
    return createSnapshot(DeleteSet.createDeleteSetFromStructStore(doc.store), StructStore.getStateVector(doc.store));
  }

  /** Whether item was visible in snapshot; a null snapshot means the current state. */
  public static boolean isVisible(Item item, Snapshot snapshot) {
    if (snapshot == null) {
      return !item.deleted();
    }
    Long c = snapshot.sv.get(item.client);
    return c != null && c > item.clock && !DeleteSet.isDeleted(snapshot.ds, item.client, item.clock);
  }

  /** Splits items at the snapshot's boundaries so that visibility is decided per whole item. */
  @SuppressWarnings("unchecked")
  public static void splitSnapshotAffectedStructs(Transaction transaction, Snapshot snapshot) {
    Set<Snapshot> meta = (Set<Snapshot>) transaction.meta().computeIfAbsent(SPLIT_META_KEY, k -> new LinkedHashSet<Snapshot>());
    StructStore store = transaction.doc.store;
    if (!meta.contains(snapshot)) {
      for (Map.Entry<Long, Long> e : snapshot.sv.entrySet()) {
        if (e.getValue() < StructStore.getState(store, e.getKey())) {
          StructStore.getStructCleanStart(transaction, new ID(e.getKey(), e.getValue()));
        }
      }
      DeleteSet.iterateDeletedStructs(transaction, snapshot.ds, item -> {});
      meta.add(snapshot);
    }
  }

  public static Doc createDocFromSnapshot(Doc originDoc, Snapshot snapshot) {
    return createDocFromSnapshot(originDoc, snapshot, new Doc());
  }

  /** Restores the state of snapshot into newDoc; originDoc must not garbage-collect. */
  public static Doc createDocFromSnapshot(Doc originDoc, Snapshot snapshot, Doc newDoc) {
    if (originDoc.gc) {
      throw new IllegalStateException("Garbage-collection must be disabled in `originDoc`!");
    }
    Map<Long, Long> sv = snapshot.sv;
    DeleteSet ds = snapshot.ds;
    UpdateEncoderV2 encoder = new UpdateEncoderV2();
    originDoc.transact(transaction -> {
      int size = 0;
      for (long clock : sv.values()) {
        if (clock > 0) {
          size++;
        }
      }
      encoder.restEncoder().writeVarUint(size);
      for (Map.Entry<Long, Long> e : sv.entrySet()) {
        long client = e.getKey();
        long clock = e.getValue();
        if (clock == 0) {
          continue;
        }
        if (clock < StructStore.getState(originDoc.store, client)) {
          StructStore.getStructCleanStart(transaction, new ID(client, clock));
        }
        ArrayList<AbstractStruct> structs = originDoc.store.clients.get(client);
        if (structs == null) {
          structs = new ArrayList<>();
        }
        int lastStructIndex = StructStore.findIndexSS(structs, clock - 1);
        encoder.restEncoder().writeVarUint(lastStructIndex + 1);
        encoder.writeClient(client);
        encoder.restEncoder().writeVarUint(0);
        for (int i = 0; i <= lastStructIndex; i++) {
          structs.get(i).write(encoder, 0);
        }
      }
      DeleteSet.writeDeleteSet(encoder, ds);
    });
    // written from a document we hold, so no budget applies
    Encoding.applyUpdateV2(newDoc, encoder.toUint8Array(), "snapshot", UpdateLimits.TRUSTED);
    return newDoc;
  }

  public static boolean snapshotContainsUpdateV2(Snapshot snapshot, byte[] update, boolean v2) {
    UpdateDecoder updateDecoder = v2 ? new UpdateDecoderV2(new Decoder(update)) : new UpdateDecoderV1(new Decoder(update));
    LazyStructReader lazyDecoder = new LazyStructReader(updateDecoder, false);
    for (AbstractStruct curr = lazyDecoder.curr; curr != null; curr = lazyDecoder.next()) {
      Long c = snapshot.sv.get(curr.client);
      if ((c == null ? 0 : c) < curr.clock + curr.length) {
        return false;
      }
    }
    List<DeleteSet> l = new ArrayList<>();
    l.add(snapshot.ds);
    l.add(DeleteSet.readDeleteSet(updateDecoder));
    DeleteSet mergedDS = DeleteSet.mergeDeleteSets(l);
    return DeleteSet.equalDeleteSets(snapshot.ds, mergedDS);
  }

  public static boolean snapshotContainsUpdateV2(Snapshot snapshot, byte[] update) {
    return snapshotContainsUpdateV2(snapshot, update, true);
  }

  public static boolean snapshotContainsUpdate(Snapshot snapshot, byte[] update) {
    return snapshotContainsUpdateV2(snapshot, update, false);
  }
}
