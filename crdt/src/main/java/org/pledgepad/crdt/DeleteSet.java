package org.pledgepad.crdt;

// Follows yjs/src/utils/DeleteSet.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.pledgepad.crdt.lib0.DecodingException;

/**
 * Deleted ranges per client. Deletions are not structs: they are sent as this compact set,
 * which is sorted and merged before it is written.
 */
public final class DeleteSet {
  /** Per client, its deleted ranges (sorted and merged after sortAndMergeDeleteSet). */
  public final Map<Long, ArrayList<DeleteItem>> clients;

  public DeleteSet() {
    clients = new LinkedHashMap<>();
  }

  private DeleteSet(Map<Long, ArrayList<DeleteItem>> clients) {
    this.clients = clients;
  }

  /**
   * The set of an update that deletes nothing, as decoding for integration returns it: half of
   * typed updates only insert, and integration only reads the set. Cannot be changed.
   */
  private static final DeleteSet EMPTY_DECODED = new DeleteSet(java.util.Collections.emptyMap());
  /**
   * The range addToDeleteSetJoined added last, while no sort or merge has run since: until then
   * it is in this set only, so it may still grow in place.
   */
  private DeleteItem open;
  /** The client of open and the list it was added to (meaningful while open is not null). */
  private long openClient;
  private ArrayList<DeleteItem> openList;

  public static void iterateDeletedStructs(Transaction transaction, DeleteSet ds, Consumer<AbstractStruct> f) {
    for (Map.Entry<Long, ArrayList<DeleteItem>> e : ds.clients.entrySet()) {
      ArrayList<AbstractStruct> structs = transaction.doc.store.clients.get(e.getKey());
      if (structs != null) {
        AbstractStruct lastStruct = structs.get(structs.size() - 1);
        long clockState = lastStruct.clock + lastStruct.length;
        ArrayList<DeleteItem> deletes = e.getValue();
        for (int i = 0; i < deletes.size() && deletes.get(i).clock < clockState; i++) {
          DeleteItem del = deletes.get(i);
          StructStore.iterateStructs(transaction, structs, del.clock, del.len, f);
        }
      }
    }
  }

  /** Index of the range containing clock, or -1. */
  public static int findIndexDS(List<DeleteItem> dis, long clock) {
    int left = 0;
    int right = dis.size() - 1;
    while (left <= right) {
      int midindex = (left + right) >>> 1;
      DeleteItem mid = dis.get(midindex);
      long midclock = mid.clock;
      if (midclock <= clock) {
        if (clock < midclock + mid.len) {
          return midindex;
        }
        left = midindex + 1;
      } else {
        right = midindex - 1;
      }
    }
    return -1;
  }

  public static boolean isDeleted(DeleteSet ds, ID id) {
    return isDeleted(ds, id.client, id.clock);
  }

  /** Whether clock of client lies in a deleted range. */
  public static boolean isDeleted(DeleteSet ds, long client, long clock) {
    ArrayList<DeleteItem> dis = ds.clients.get(client);
    return dis != null && findIndexDS(dis, clock) >= 0;
  }

  private static final Comparator<DeleteItem> BY_CLOCK = (a, b) -> Long.compare(a.clock, b.clock);

  public static void sortAndMergeDeleteSet(DeleteSet ds) {
    ds.open = null; // its ranges are about to be read and may be shared from now on
    if (ds.clients.isEmpty()) {
      return; // a transaction that deleted nothing: no values view and iterator to make
    }
    for (ArrayList<DeleteItem> dels : ds.clients.values()) {
      dels.sort(BY_CLOCK);
      int i;
      int j;
      for (i = 1, j = 1; i < dels.size(); i++) {
        DeleteItem left = dels.get(j - 1);
        DeleteItem right = dels.get(i);
        if (left.clock + left.len >= right.clock) {
          dels.set(j - 1, new DeleteItem(left.clock, Math.max(left.len, right.clock + right.len - left.clock)));
        } else {
          if (j < i) {
            dels.set(j, right);
          }
          j++;
        }
      }
      if (j < dels.size()) {
        dels.subList(j, dels.size()).clear();
      }
    }
  }

  public static DeleteSet mergeDeleteSets(List<DeleteSet> dss) {
    DeleteSet merged = new DeleteSet();
    for (int dssI = 0; dssI < dss.size(); dssI++) {
      dss.get(dssI).open = null; // its ranges become shared with merged
      for (Map.Entry<Long, ArrayList<DeleteItem>> e : dss.get(dssI).clients.entrySet()) {
        Long client = e.getKey();
        if (!merged.clients.containsKey(client)) {
          ArrayList<DeleteItem> dels = new ArrayList<>(e.getValue());
          for (int i = dssI + 1; i < dss.size(); i++) {
            ArrayList<DeleteItem> other = dss.get(i).clients.get(client);
            if (other != null) {
              dels.addAll(other);
            }
          }
          merged.clients.put(client, dels);
        }
      }
    }
    sortAndMergeDeleteSet(merged);
    return merged;
  }

  public static void addToDeleteSet(DeleteSet ds, long client, long clock, long length) {
    ds.clients.computeIfAbsent(client, k -> new ArrayList<>()).add(new DeleteItem(clock, length));
  }

  /**
   * addToDeleteSet that extends the client's last range instead when the new range starts where
   * that one ends, as sortAndMergeDeleteSet would join them anyway. For a transaction's own set,
   * which is sorted and merged before anyone reads it: a transaction deletes (or integrates
   * deleted runs) mostly in clock order, e.g. a decoded document's deleted runs, so the set stays
   * about half as long and the merge at cleanup has nothing left to replace. A range this method
   * created grows in place (one object per run, not per struct); any other is replaced by a new
   * DeleteItem, as items may be shared with other sets.
   */
  static void addToDeleteSetJoined(DeleteSet ds, long client, long clock, long length) {
    // The same client as the last call, whose range is still the last of its list: no map lookup
    // (a boxed Long and a hash per deleted struct while a document loads). Only this method
    // and the resets of open change a transaction's set, so that list is still the map's.
    DeleteItem open = ds.open;
    if (open != null && ds.openClient == client) {
      ArrayList<DeleteItem> list = ds.openList;
      int n = list.size();
      if (n > 0 && list.get(n - 1) == open) {
        if (open.clock + open.len == clock) {
          open.len += length;
        } else {
          DeleteItem added = new DeleteItem(clock, length);
          list.add(added);
          ds.open = added;
        }
        return;
      }
    }
    ArrayList<DeleteItem> dels = ds.clients.computeIfAbsent(client, k -> new ArrayList<>());
    ds.openClient = client;
    ds.openList = dels;
    int last = dels.size() - 1;
    if (last >= 0) {
      DeleteItem prev = dels.get(last);
      if (prev.clock + prev.len == clock) {
        if (prev == ds.open) {
          prev.len += length;
        } else {
          ds.open = new DeleteItem(prev.clock, prev.len + length);
          dels.set(last, ds.open);
        }
        return;
      }
    }
    DeleteItem added = new DeleteItem(clock, length);
    dels.add(added);
    ds.open = added;
  }

  public static DeleteSet createDeleteSet() {
    return new DeleteSet();
  }

  public static DeleteSet createDeleteSetFromStructStore(StructStore ss) {
    DeleteSet ds = new DeleteSet();
    for (Map.Entry<Long, ArrayList<AbstractStruct>> e : ss.clients.entrySet()) {
      ArrayList<AbstractStruct> structs = e.getValue();
      ArrayList<DeleteItem> dsitems = new ArrayList<>();
      for (int i = 0; i < structs.size(); i++) {
        AbstractStruct struct = structs.get(i);
        if (struct.deleted()) {
          long clock = struct.clock;
          long len = struct.length;
          while (i + 1 < structs.size() && structs.get(i + 1).deleted()) {
            len += structs.get(++i).length;
          }
          dsitems.add(new DeleteItem(clock, len));
        }
      }
      if (!dsitems.isEmpty()) {
        ds.clients.put(e.getKey(), dsitems);
      }
    }
    return ds;
  }

  public static void writeDeleteSet(DSEncoder encoder, DeleteSet ds) {
    encoder.restEncoder().writeVarUint(ds.clients.size());
    List<Map.Entry<Long, ArrayList<DeleteItem>>> entries = new ArrayList<>(ds.clients.entrySet());
    // higher client ids first, as Yjs
    entries.sort((a, b) -> Long.compare(b.getKey(), a.getKey()));
    for (Map.Entry<Long, ArrayList<DeleteItem>> e : entries) {
      encoder.resetDsCurVal();
      encoder.restEncoder().writeVarUint(e.getKey());
      ArrayList<DeleteItem> dsitems = e.getValue();
      int len = dsitems.size();
      encoder.restEncoder().writeVarUint(len);
      for (int i = 0; i < len; i++) {
        DeleteItem item = dsitems.get(i);
        encoder.writeDsClock(item.clock);
        encoder.writeDsLen(item.len);
      }
    }
  }

  /** Reads a delete set completely; nothing is applied, so malformed input changes nothing. */
  public static DeleteSet readDeleteSet(DSDecoder decoder) {
    return readDeleteSet(decoder, UpdateLimits.DEFAULT.budget(decoder.restDecoder().arr.length));
  }

  /** Each range costs at least two input bytes; budget adds the absolute caps of UpdateLimits. */
  static DeleteSet readDeleteSet(DSDecoder decoder, UpdateLimits.Budget budget) {
    return readDeleteSet(decoder, budget, false);
  }

  /** As above; with shareEmpty, a set naming no client is the shared unchangeable empty set. */
  static DeleteSet readDeleteSet(DSDecoder decoder, UpdateLimits.Budget budget, boolean shareEmpty) {
    long numClients = decoder.restDecoder().readVarUint();
    budget.checkClients(numClients);
    if (numClients == 0 && shareEmpty) {
      return EMPTY_DECODED;
    }
    DeleteSet ds = new DeleteSet();
    for (long i = 0; i < numClients; i++) {
      decoder.resetDsCurVal();
      long client = decoder.restDecoder().readVarUint();
      long numberOfDeletes = decoder.restDecoder().readVarUint();
      budget.takeDeleteRanges(numberOfDeletes);
      if (numberOfDeletes > 0) {
        ArrayList<DeleteItem> dsField = ds.clients.computeIfAbsent(client, k -> new ArrayList<>());
        for (long j = 0; j < numberOfDeletes; j++) {
          long clock = decoder.readDsClock();
          long len = decoder.readDsLen();
          if (clock < 0 || len < 0 || clock + len < 0) {
            throw new DecodingException("delete range out of bounds");
          }
          dsField.add(new DeleteItem(clock, len));
        }
      }
    }
    return ds;
  }

  /**
   * Applies a decoded delete set (the second half of Yjs's readAndApplyDeleteSet); returns the
   * deletions of structs not yet present as a v2 update, or null.
   */
  public static byte[] applyDeleteSet(DeleteSet decoded, Transaction transaction, StructStore store) {
    if (decoded.clients.isEmpty()) {
      return null; // most small updates only insert
    }
    // created when a range is missing here, which is rare: most updates delete what exists
    DeleteSet unappliedDS = null;
    for (Map.Entry<Long, ArrayList<DeleteItem>> e : decoded.clients.entrySet()) {
      long client = e.getKey();
      ArrayList<AbstractStruct> structs = store.clients.get(client);
      long state = StructStore.getState(store, client);
      int next = 0; // where the previous range ended: ranges are usually sorted, one struct apart
      ArrayList<DeleteItem> done = transaction.deleteSet.clients.get(client);
      int d = 0; // where the previous range was found in done
      for (DeleteItem di : e.getValue()) {
        long clock = di.clock;
        long clockEnd = clock + di.len;
        if (clock < state) {
          if (state < clockEnd) {
            unappliedDS = unappliedDS == null ? new DeleteSet() : unappliedDS;
            addToDeleteSet(unappliedDS, client, state, clockEnd - state);
          }
          if (done != null) {
            d = coveringFrom(done, d, clock);
            if (d < done.size() && done.get(d).clock <= clock && clockEnd <= done.get(d).clock + done.get(d).len) {
              continue;
            }
          }
          int index = StructStore.findIndexNear(structs, clock, next);
          AbstractStruct struct = structs.get(index);
          if (!struct.deleted() && struct.clock < clock) {
            structs.add(index + 1, Item.splitItem(transaction, (Item) struct, clock - struct.clock));
            index++;
          }
          while (index < structs.size()) {
            struct = structs.get(index++);
            if (struct.clock < clockEnd) {
              if (!struct.deleted()) {
                if (clockEnd < struct.clock + struct.length) {
                  structs.add(index, Item.splitItem(transaction, (Item) struct, clockEnd - struct.clock));
                }
                ((Item) struct).delete(transaction);
              }
            } else {
              break;
            }
          }
          next = index;
        } else {
          unappliedDS = unappliedDS == null ? new DeleteSet() : unappliedDS;
          addToDeleteSet(unappliedDS, client, clock, clockEnd - clock);
        }
      }
    }
    if (unappliedDS != null) {
      UpdateEncoderV2 ds = new UpdateEncoderV2();
      ds.restEncoder().writeVarUint(0);
      writeDeleteSet(ds, unappliedDS);
      return ds.toUint8Array();
    }
    return null;
  }

  /**
   * The first index from d on of a range in dels that ends after clock (dels.size() if none).
   * applyDeleteSet skips an update's range that one range of its transaction's own set covers:
   * that set only holds clocks of items deleted in this transaction (each is marked deleted as
   * it is added, split parts inherit the mark, nothing undeletes an item, and none is collected
   * before the transaction's cleanup), so walking such a range would change nothing. It
   * saves a walk over every deleted struct when a document loads from its update, whose deleted
   * runs arrive as deleted content and are added to the transaction's set while integrating,
   * in clock order. The set is usually sorted then; when it is not, this search may pass over
   * the covering range, and the range is walked as before.
   */
  private static int coveringFrom(ArrayList<DeleteItem> dels, int d, long clock) {
    int n = dels.size();
    while (d < n && dels.get(d).clock + dels.get(d).len <= clock) {
      d++;
    }
    return d;
  }

  public static byte[] readAndApplyDeleteSet(DSDecoder decoder, Transaction transaction, StructStore store) {
    return applyDeleteSet(readDeleteSet(decoder), transaction, store);
  }

  public static boolean equalDeleteSets(DeleteSet ds1, DeleteSet ds2) {
    if (ds1.clients.size() != ds2.clients.size()) {
      return false;
    }
    for (Map.Entry<Long, ArrayList<DeleteItem>> e : ds1.clients.entrySet()) {
      ArrayList<DeleteItem> d1 = e.getValue();
      ArrayList<DeleteItem> d2 = ds2.clients.get(e.getKey());
      if (d2 == null || d1.size() != d2.size()) {
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
}
