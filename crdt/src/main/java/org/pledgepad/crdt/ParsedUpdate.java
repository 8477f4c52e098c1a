package org.pledgepad.crdt;

// Not in Yjs 13.6.33: its applyUpdate decodes and integrates in one pass.

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An update decoded once, to be integrated later: a server validates what a peer sent when it
 * arrives and applies it only after the store committed it, and decoding it twice cost a
 * second full decode per update. The structs and the delete set are exactly what
 * {@link Y#applyUpdate} decodes (parents by root name stay names until integration), so
 * {@link Y#applyParsedUpdate} leaves a document as {@code Y.applyUpdate} of the same bytes would
 * at that moment, whatever was applied in between. Integration resolves parents against the
 * document and links the structs into it, so a parsed update integrates once: a second attempt,
 * into the same document or another, throws IllegalStateException.
 *
 * <p>Decoding rejects exactly what {@link Y#validateUpdate} rejects (the struct reader of merges
 * and validation, which also refuses a Skip struct with flag bits that applyUpdate would take).
 * Not thread-safe.
 */
public final class ParsedUpdate {
  final Map<Long, Encoding.StructRefs> structRefs;
  final List<Item> rootNamed;
  final DeleteSet ds;
  /** Every client group as read, in update order, also groups a later one of the client replaced. */
  private final List<List<AbstractStruct>> groups;
  private boolean integrated;

  ParsedUpdate(Map<Long, Encoding.StructRefs> structRefs, List<Item> rootNamed, DeleteSet ds,
      List<List<AbstractStruct>> groups) {
    this.structRefs = structRefs;
    this.rootNamed = rootNamed;
    this.ds = ds;
    this.groups = groups;
  }

  /**
   * The structs in update order, as {@link Updates#decodeUpdate} lists them; only before
   * integration, which changes them.
   */
  public List<AbstractStruct> structs() {
    checkNotIntegrated();
    if (groups.size() == 1) {
      return Collections.unmodifiableList(groups.get(0));
    }
    List<AbstractStruct> all = new ArrayList<>();
    for (List<AbstractStruct> g : groups) {
      all.addAll(g);
    }
    return Collections.unmodifiableList(all);
  }

  /**
   * Whether applying this update to {@code doc} would change nothing: each of its structs is
   * there already and each range it deletes is deleted there already. A client that reconnects
   * answers the server's step 1 with its whole delete set, which the server holds: that answer
   * asks nothing of a read-only client's rights and needs no log row. Only before integration.
   */
  public boolean addsNothingTo(Doc doc) {
    checkNotIntegrated();
    StructStore store = doc.store;
    for (List<AbstractStruct> group : groups) {
      for (AbstractStruct s : group) {
        if (!(s instanceof Skip) && s.clock + s.length > StructStore.getState(store, s.client)) {
          return false;
        }
      }
    }
    for (Map.Entry<Long, ArrayList<DeleteItem>> e : ds.clients.entrySet()) {
      long client = e.getKey();
      ArrayList<AbstractStruct> structs = store.clients.get(client);
      long state = StructStore.getState(store, client);
      for (DeleteItem d : e.getValue()) {
        long end = d.clock + d.len;
        if (d.len <= 0) {
          continue;
        }
        if (structs == null || end > state) {
          return false; // a deletion of content this document has not got yet
        }
        for (int i = StructStore.findIndexSS(structs, d.clock); i < structs.size() && structs.get(i).clock < end; i++) {
          if (!structs.get(i).deleted()) {
            return false;
          }
        }
      }
    }
    return true;
  }

  public boolean integrated() {
    return integrated;
  }

  /** Marks the update as integrated before anything of it touches a document. */
  void takeForIntegration() {
    checkNotIntegrated();
    integrated = true;
  }

  private void checkNotIntegrated() {
    if (integrated) {
      throw new IllegalStateException("parsed update already integrated");
    }
  }
}
