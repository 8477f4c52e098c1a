package org.pledgepad.crdt;

// Follows yjs/src/utils/encoding.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.DecodingException;

/**
 * Reading and writing whole updates. Unlike Yjs, an update is decoded completely (structs and
 * delete set) before the document is touched, so malformed input changes nothing.
 */
public final class Encoding {
  /** Clocks beyond 2^53 - 1 cannot come from a real Yjs peer. */
  static final long MAX_CLOCK = 9007199254740991L;

  private Encoding() {}

  /** The structs of one client in an update, and how many of them were consumed (Yjs: {i, refs}). */
  static final class StructRefs {
    int i = 0;
    List<AbstractStruct> refs;

    StructRefs(List<AbstractStruct> refs) {
      this.refs = refs;
    }
  }

  private static void writeStructs(UpdateEncoder encoder, List<AbstractStruct> structs, long client, long clock) {
    // make sure the first id exists
    clock = Math.max(clock, structs.get(0).clock);
    int startNewStructs = StructStore.findIndexSS((ArrayList<AbstractStruct>) structs, clock);
    encoder.restEncoder().writeVarUint(structs.size() - startNewStructs);
    encoder.writeClient(client);
    encoder.restEncoder().writeVarUint(clock);
    AbstractStruct firstStruct = structs.get(startNewStructs);
    firstStruct.write(encoder, clock - firstStruct.clock);
    for (int i = startNewStructs + 1; i < structs.size(); i++) {
      structs.get(i).write(encoder, 0);
    }
  }

  /** Writes all structs of store that the state vector _sm does not cover; clients in descending order. */
  public static void writeClientsStructs(UpdateEncoder encoder, StructStore store, Map<Long, Long> _sm) {
    Map<Long, Long> sm = new LinkedHashMap<>();
    for (Map.Entry<Long, Long> e : _sm.entrySet()) {
      if (StructStore.getState(store, e.getKey()) > e.getValue()) {
        sm.put(e.getKey(), e.getValue());
      }
    }
    for (Long client : store.clients.keySet()) {
      if (!_sm.containsKey(client)) {
        sm.put(client, 0L);
      }
    }
    encoder.restEncoder().writeVarUint(sm.size());
    List<Map.Entry<Long, Long>> entries = new ArrayList<>(sm.entrySet());
    entries.sort((a, b) -> Long.compare(b.getKey(), a.getKey()));
    for (Map.Entry<Long, Long> e : entries) {
      writeStructs(encoder, store.clients.get(e.getKey()), e.getKey(), e.getValue());
    }
  }

  /**
   * Decodes the struct part of an update. Parents given by root name stay Strings here; they
   * are resolved against a document only once decoding has succeeded.
   */
  static Map<Long, StructRefs> readClientsStructRefs(UpdateDecoder decoder, UpdateLimits.Budget budget) {
    return readClientsStructRefs(decoder, budget, new ArrayList<>());
  }

  /** As above; also collects the items whose parent is a root-type name into rootNamed. */
  static Map<Long, StructRefs> readClientsStructRefs(UpdateDecoder decoder, UpdateLimits.Budget budget,
      List<Item> rootNamed) {
    return readClientsStructRefs(decoder, budget, rootNamed, null, false);
  }

  /**
   * As above; groups (if not null) receives every client group's structs in update order, and
   * lazyRules refuses what {@link LazyStructReader} refuses (see {@link #readStruct}).
   */
  static Map<Long, StructRefs> readClientsStructRefs(UpdateDecoder decoder, UpdateLimits.Budget budget,
      List<Item> rootNamed, List<List<AbstractStruct>> groups, boolean lazyRules) {
    Map<Long, StructRefs> clientRefs = new LinkedHashMap<>();
    long numOfStateUpdates = decoder.restDecoder().readVarUint();
    budget.checkClients(numOfStateUpdates);
    for (long s = 0; s < numOfStateUpdates; s++) {
      long numberOfStructs = decoder.restDecoder().readVarUint();
      long client = decoder.readClient();
      long clock = decoder.restDecoder().readVarUint();
      budget.takeStructs(numberOfStructs);
      List<AbstractStruct> refs = new ArrayList<>(budget.presize(numberOfStructs));
      clientRefs.put(client, new StructRefs(refs));
      if (groups != null) {
        groups.add(refs);
      }
      for (long i = 0; i < numberOfStructs; i++) {
        AbstractStruct struct = readStruct(decoder, client, clock, lazyRules);
        refs.add(struct);
        if (struct instanceof Item && ((Item) struct).parent instanceof String) {
          rootNamed.add((Item) struct);
        }
        clock = addClock(clock, struct.length);
      }
    }
    return clientRefs;
  }

  static long addClock(long clock, long len) {
    if (len < 0 || clock > MAX_CLOCK - len) {
      throw new DecodingException("clock exceeds 2^53 - 1");
    }
    return clock + len;
  }

  /** Reads one struct (GC, Skip or Item); parent stays an ID or a root-type name. */
  static AbstractStruct readStruct(UpdateDecoder decoder, long client, long clock) {
    return readStruct(decoder, client, clock, false);
  }

  /**
   * readStruct for the decoding of a whole update. Yjs's two struct readers differ in one case:
   * applyUpdate takes any info whose low five bits are 10 as a Skip, the lazy reader (merges,
   * validation) only 10 itself and fails on the others as items without content; lazyRules
   * follows the lazy reader.
   */
  static AbstractStruct readStruct(UpdateDecoder decoder, long client, long clock, boolean lazyRules) {
    int info = decoder.readInfo();
    if (lazyRules && (info & 31) == 10 && info != 10) {
      throw new DecodingException("unexpected content ref 10");
    }
    switch (info & 31) {
      case 0: {
        long len = decoder.readLen();
        if (len == 0) {
          throw new DecodingException("empty GC struct");
        }
        return new GC(new ID(client, clock), len);
      }
      case 10: {
        long len = decoder.restDecoder().readVarUint();
        if (len == 0) {
          throw new DecodingException("empty Skip struct");
        }
        return new Skip(new ID(client, clock), len);
      }
      default: {
        boolean cantCopyParentInfo = (info & (0x40 | 0x80)) == 0;
        long originClient = Item.NONE;
        long originClock = 0;
        if ((info & 0x80) == 0x80) {
          originClient = decoder.readLeftClient();
          originClock = decoder.readLeftClock();
        }
        long rightOriginClient = Item.NONE;
        long rightOriginClock = 0;
        if ((info & 0x40) == 0x40) {
          rightOriginClient = decoder.readRightClient();
          rightOriginClock = decoder.readRightClock();
        }
        Object parent = null;
        if (cantCopyParentInfo) {
          parent = decoder.readParentInfo() ? decoder.readString() : decoder.readLeftID();
        }
        String parentSub = cantCopyParentInfo && (info & 0x20) == 0x20 ? decoder.readString() : null;
        AbstractContent content = AbstractContent.readItemContent(decoder, info);
        long length = content.getLength();
        if (length <= 0) {
          throw new DecodingException("empty item content");
        }
        return new Item(client, clock, originClient, originClock, rightOriginClient, rightOriginClock, parent,
            parentSub, content, length);
      }
    }
  }

  /**
   * Replaces root-type names by the document's types (Yjs does this while decoding). Only the
   * items collected while reading are visited: few items name their parent, and a second walk
   * over all structs of a large update cost a cache miss per struct.
   */
  private static void resolveRootParents(Doc doc, List<Item> rootNamed) {
    for (int i = 0; i < rootNamed.size(); i++) { // no iterator: this runs once per applied update
      Item item = rootNamed.get(i);
      item.parent = doc.get((String) item.parent);
    }
  }

  /** Integrates decoded structs; returns the ones whose dependencies are missing, or null. */
  private static StructStore.PendingStructs integrateStructs(Transaction transaction, StructStore store,
      Map<Long, StructRefs> clientsStructRefs) {
    if (clientsStructRefs.isEmpty()) {
      return null;
    }
    // sorting ascending and popping from the end integrates higher client ids first, as Yjs;
    // one walk over the groups fills the list and notes the large new ones (no copy of the
    // key set: for an update of one client that was two arrays and a view per update)
    ArrayList<Long> clientsStructRefsIds = new ArrayList<>(clientsStructRefs.size());
    boolean largeNewGroups = false;
    for (Map.Entry<Long, StructRefs> e : clientsStructRefs.entrySet()) {
      clientsStructRefsIds.add(e.getKey());
      largeNewGroups |= e.getValue().refs.size() > 64;
    }
    Collections.sort(clientsStructRefsIds);
    StructRefs curStructsTarget = getNextStructTarget(clientsStructRefs, clientsStructRefsIds);
    if (curStructsTarget == null) {
      return null;
    }
    if (largeNewGroups) {
      presizeNewLists(store, clientsStructRefs);
    }
    try {
      return integrateStructsInOrder(transaction, store, clientsStructRefs, clientsStructRefsIds, curStructsTarget);
    } finally {
      store.newListCapacities = null;
      store.startClocks = null;
    }
  }

  /** Notes the capacity of each client's new list where an update brings more than 64 structs. */
  private static void presizeNewLists(StructStore store, Map<Long, StructRefs> clientsStructRefs) {
    for (Map.Entry<Long, StructRefs> e : clientsStructRefs.entrySet()) {
      int n = e.getValue().refs.size();
      if (n > 64 && StructStore.getStructs(store, e.getKey()) == null) {
        if (store.newListCapacities == null) {
          store.newListCapacities = new HashMap<>();
        }
        store.newListCapacities.put(e.getKey(), n);
      }
    }
  }

  /** Yjs's integration loop: a stack of structs waiting for the structs they depend on. */
  private static StructStore.PendingStructs integrateStructsInOrder(Transaction transaction, StructStore store,
      Map<Long, StructRefs> clientsStructRefs, ArrayList<Long> clientsStructRefsIds, StructRefs curStructsTarget) {
    ArrayList<AbstractStruct> stack = new ArrayList<>();
    // what cannot be integrated yet and the clocks it waits for; made when first needed, as
    // an update typed by a peer usually integrates completely
    StructStore restStructs = null;
    Map<Long, Long> missingSV = null;
    AbstractStruct stackHead = curStructsTarget.refs.get(curStructsTarget.i++);
    while (true) {
      if (!(stackHead instanceof Skip)) {
        long headClient = stackHead.client;
        // Yjs caches the clients' states in a map; every integration appends its struct to the
        // store, so the store's state is the same number, without boxing a Long per struct
        long localClock = StructStore.getState(store, headClient);
        long offset = localClock - stackHead.clock;
        if (offset < 0) {
          // update from the same client is missing
          stack.add(stackHead);
          missingSV = missingSV == null ? new LinkedHashMap<>() : missingSV;
          restStructs = restStructs == null ? new StructStore() : restStructs;
          updateMissingSv(missingSV, headClient, stackHead.clock - 1);
          addStackToRestSS(stack, clientsStructRefs, restStructs, clientsStructRefsIds);
        } else {
          long missing = stackHead.getMissing(transaction, store);
          if (missing != -1) {
            stack.add(stackHead);
            // get the struct reader that has the missing struct
            StructRefs structRefs = clientsStructRefs.get(missing);
            if (structRefs == null || structRefs.refs.size() == structRefs.i) {
              // this update message causally depends on another update message that doesn't exist yet
              missingSV = missingSV == null ? new LinkedHashMap<>() : missingSV;
              restStructs = restStructs == null ? new StructStore() : restStructs;
              updateMissingSv(missingSV, missing, StructStore.getState(store, missing));
              addStackToRestSS(stack, clientsStructRefs, restStructs, clientsStructRefsIds);
            } else {
              stackHead = structRefs.refs.get(structRefs.i++);
              continue;
            }
          } else if (offset == 0 || offset < stackHead.length) {
            // all fine, apply the stackhead
            stackHead.integrate(transaction, offset);
          }
        }
      }
      // iterate to next stackHead
      if (!stack.isEmpty()) {
        stackHead = stack.remove(stack.size() - 1);
      } else if (curStructsTarget != null && curStructsTarget.i < curStructsTarget.refs.size()) {
        stackHead = curStructsTarget.refs.get(curStructsTarget.i++);
      } else {
        curStructsTarget = getNextStructTarget(clientsStructRefs, clientsStructRefsIds);
        if (curStructsTarget == null) {
          break;
        } else {
          stackHead = curStructsTarget.refs.get(curStructsTarget.i++);
        }
      }
    }
    if (restStructs != null && !restStructs.clients.isEmpty()) {
      UpdateEncoderV2 encoder = new UpdateEncoderV2();
      writeClientsStructs(encoder, restStructs, new LinkedHashMap<>());
      // no deletes in this message
      encoder.restEncoder().writeVarUint(0);
      return new StructStore.PendingStructs(missingSV, encoder.toUint8Array());
    }
    return null;
  }

  private static StructRefs getNextStructTarget(Map<Long, StructRefs> clientsStructRefs, ArrayList<Long> ids) {
    if (ids.isEmpty()) {
      return null;
    }
    StructRefs nextStructsTarget = clientsStructRefs.get(ids.get(ids.size() - 1));
    while (nextStructsTarget.refs.size() == nextStructsTarget.i) {
      ids.remove(ids.size() - 1);
      if (!ids.isEmpty()) {
        nextStructsTarget = clientsStructRefs.get(ids.get(ids.size() - 1));
      } else {
        return null;
      }
    }
    return nextStructsTarget;
  }

  private static void updateMissingSv(Map<Long, Long> missingSV, long client, long clock) {
    Long mclock = missingSV.get(client);
    if (mclock == null || mclock > clock) {
      missingSV.put(client, clock);
    }
  }

  private static void addStackToRestSS(ArrayList<AbstractStruct> stack, Map<Long, StructRefs> clientsStructRefs,
      StructStore restStructs, ArrayList<Long> clientsStructRefsIds) {
    for (AbstractStruct item : stack) {
      long client = item.client;
      StructRefs inapplicableItems = clientsStructRefs.get(client);
      if (inapplicableItems != null) {
        // decrement because we weren't able to apply previous operation
        inapplicableItems.i--;
        ArrayList<AbstractStruct> rest = new ArrayList<>(inapplicableItems.refs.size() - inapplicableItems.i);
        for (AbstractStruct s : inapplicableItems.refs.subList(inapplicableItems.i, inapplicableItems.refs.size())) {
          rest.add(writableRest(s));
        }
        restStructs.clients.put(client, rest);
        clientsStructRefs.remove(client);
        inapplicableItems.i = 0;
        inapplicableItems.refs = new ArrayList<>();
      } else {
        // item was the last item on clientsStructRefs and the field was already cleared
        ArrayList<AbstractStruct> l = new ArrayList<>();
        l.add(writableRest(item));
        restStructs.clients.put(client, l);
      }
      // remove client from clientsStructRefsIds to prevent users from applying the same update again
      clientsStructRefsIds.removeIf(c -> c == client);
    }
    stack.clear();
  }

  /**
   * A struct as it can be written to the pending update. In hostile updates (cyclic or
   * self-referencing dependencies) an item can be parked after its references were resolved to
   * "no parent"; it would integrate as a GC, so it is parked as one (Yjs would fail to encode it).
   */
  private static AbstractStruct writableRest(AbstractStruct s) {
    if (s instanceof Item) {
      Item i = (Item) s;
      if (i.parent == null && !i.hasOrigin() && !i.hasRightOrigin()) {
        return new GC(i.client, i.clock, i.length);
      }
    }
    return s;
  }

  public static void writeStructsFromTransaction(UpdateEncoder encoder, Transaction transaction) {
    writeClientsStructs(encoder, transaction.doc.store, transaction.beforeState);
  }

  /** Reads an update (v1 or v2 per structDecoder) completely, then applies it to ydoc. */
  public static void readUpdateV2(Decoder decoder, Doc ydoc, Object transactionOrigin, UpdateDecoder structDecoder) {
    readUpdateV2(decoder, ydoc, transactionOrigin, structDecoder, UpdateLimits.DEFAULT);
  }

  /** As above, rejecting (DecodingException, document unchanged) what exceeds limits. */
  public static void readUpdateV2(Decoder decoder, Doc ydoc, Object transactionOrigin, UpdateDecoder structDecoder,
      UpdateLimits limits) {
    decoder.withMaxAnyDepth(limits.maxAnyDepth);
    UpdateLimits.Budget budget = limits.budget(decoder.arr.length);
    List<Item> rootNamed = new ArrayList<>();
    Map<Long, StructRefs> ss = readClientsStructRefs(structDecoder, budget, rootNamed);
    DeleteSet ds = DeleteSet.readDeleteSet(structDecoder, budget, true);
    integrateDecoded(ydoc, ss, ds, rootNamed, transactionOrigin);
  }

  /** Decodes an update completely for {@link #applyParsedUpdate}; DecodingException as validateUpdate. */
  static ParsedUpdate parseUpdate(byte[] update, boolean v2, UpdateLimits limits) {
    Decoder decoder = new Decoder(update).withMaxAnyDepth(limits.maxAnyDepth);
    UpdateDecoder structDecoder = v2 ? new UpdateDecoderV2(decoder) : new UpdateDecoderV1(decoder);
    UpdateLimits.Budget budget = limits.budget(update.length);
    List<Item> rootNamed = new ArrayList<>();
    List<List<AbstractStruct>> groups = new ArrayList<>(1);
    Map<Long, StructRefs> ss = readClientsStructRefs(structDecoder, budget, rootNamed, groups, true);
    DeleteSet ds = DeleteSet.readDeleteSet(structDecoder, budget, true);
    return new ParsedUpdate(ss, rootNamed, ds, groups);
  }

  /** Integrates a parsed update as applyUpdate integrates what it decoded; once per update. */
  static void applyParsedUpdate(Doc ydoc, ParsedUpdate update, Object transactionOrigin) {
    update.takeForIntegration();
    integrateDecoded(ydoc, update.structRefs, update.ds, update.rootNamed, transactionOrigin);
  }

  private static void integrateDecoded(Doc ydoc, Map<Long, StructRefs> ss, DeleteSet ds, List<Item> rootNamed,
      Object transactionOrigin) {
    Transaction.transact(ydoc, transaction -> {
      transaction.local = false;
      boolean retry = false;
      Doc doc = transaction.doc;
      StructStore store = doc.store;
      resolveRootParents(doc, rootNamed);
      StructStore.PendingStructs restStructs = integrateStructs(transaction, store, ss);
      StructStore.PendingStructs pending = store.pendingStructs;
      if (pending != null) {
        // check if we can apply something
        for (Map.Entry<Long, Long> e : pending.missing.entrySet()) {
          if (e.getValue() < StructStore.getState(store, e.getKey())) {
            retry = true;
            break;
          }
        }
        if (restStructs != null) {
          // merge restStructs into store.pending
          for (Map.Entry<Long, Long> e : restStructs.missing.entrySet()) {
            Long mclock = pending.missing.get(e.getKey());
            if (mclock == null || mclock > e.getValue()) {
              pending.missing.put(e.getKey(), e.getValue());
            }
          }
          List<byte[]> l = new ArrayList<>();
          l.add(pending.update);
          l.add(restStructs.update);
          pending.update = Updates.mergeUpdatesV2(l, true, UpdateLimits.TRUSTED);
        }
      } else {
        store.pendingStructs = restStructs;
      }
      byte[] dsRest = DeleteSet.applyDeleteSet(ds, transaction, store);
      if (store.pendingDs != null) {
        UpdateDecoderV2 pendingDSUpdate = new UpdateDecoderV2(new Decoder(store.pendingDs));
        // read 0 structs, because we only encode deletes in pendingdsupdate
        pendingDSUpdate.restDecoder().readVarUint();
        byte[] dsRest2 = DeleteSet.readAndApplyDeleteSet(pendingDSUpdate, transaction, store);
        if (dsRest != null && dsRest2 != null) {
          List<byte[]> l = new ArrayList<>();
          l.add(dsRest);
          l.add(dsRest2);
          store.pendingDs = Updates.mergeUpdatesV2(l, true, UpdateLimits.TRUSTED);
        } else {
          store.pendingDs = dsRest != null ? dsRest : dsRest2;
        }
      } else {
        // either dsRest == null && pendingDs == null OR dsRest != null
        store.pendingDs = dsRest;
      }
      if (retry) {
        byte[] update = store.pendingStructs.update;
        store.pendingStructs = null;
        applyUpdateV2(transaction.doc, update, null, UpdateLimits.TRUSTED);
      }
    }, transactionOrigin, false);
  }

  public static void readUpdate(Decoder decoder, Doc ydoc, Object transactionOrigin) {
    readUpdateV2(decoder, ydoc, transactionOrigin, new UpdateDecoderV1(decoder));
  }

  public static void applyUpdateV2(Doc ydoc, byte[] update, Object transactionOrigin) {
    applyUpdateV2(ydoc, update, transactionOrigin, UpdateLimits.DEFAULT);
  }

  public static void applyUpdateV2(Doc ydoc, byte[] update, Object transactionOrigin, UpdateLimits limits) {
    Decoder decoder = new Decoder(update);
    readUpdateV2(decoder, ydoc, transactionOrigin, new UpdateDecoderV2(decoder), limits);
  }

  public static void applyUpdateV2(Doc ydoc, byte[] update) {
    applyUpdateV2(ydoc, update, null);
  }

  public static void applyUpdate(Doc ydoc, byte[] update, Object transactionOrigin) {
    applyUpdate(ydoc, update, transactionOrigin, UpdateLimits.DEFAULT);
  }

  public static void applyUpdate(Doc ydoc, byte[] update, Object transactionOrigin, UpdateLimits limits) {
    Decoder decoder = new Decoder(update);
    readUpdateV2(decoder, ydoc, transactionOrigin, new UpdateDecoderV1(decoder), limits);
  }

  public static void applyUpdate(Doc ydoc, byte[] update) {
    applyUpdate(ydoc, update, null);
  }

  public static void writeStateAsUpdate(UpdateEncoder encoder, Doc doc, Map<Long, Long> targetStateVector) {
    writeClientsStructs(encoder, doc.store, targetStateVector);
    DeleteSet.writeDeleteSet(encoder, DeleteSet.createDeleteSetFromStructStore(doc.store));
  }

  private static final byte[] EMPTY_SV = {0};

  static byte[] encodeStateAsUpdateV2(Doc doc, byte[] encodedTargetStateVector, UpdateEncoder encoder) {
    if (encodedTargetStateVector == null) {
      encodedTargetStateVector = EMPTY_SV;
    }
    Map<Long, Long> targetStateVector = decodeStateVector(encodedTargetStateVector);
    writeStateAsUpdate(encoder, doc, targetStateVector);
    List<byte[]> updates = new ArrayList<>();
    updates.add(encoder.toUint8Array());
    // also add the pending updates (if there are any)
    if (doc.store.pendingDs != null) {
      updates.add(doc.store.pendingDs);
    }
    if (doc.store.pendingStructs != null) {
      updates.add(Updates.diffUpdateV2(doc.store.pendingStructs.update, encodedTargetStateVector, true,
          UpdateLimits.TRUSTED));
    }
    if (updates.size() > 1) {
      if (encoder instanceof UpdateEncoderV1) {
        List<byte[]> v1 = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
          v1.add(i == 0 ? updates.get(i)
              : Updates.convertUpdateFormat(updates.get(i), java.util.function.Function.identity(), true, false,
                  UpdateLimits.TRUSTED));
        }
        return Updates.mergeUpdatesV2(v1, false, UpdateLimits.TRUSTED);
      } else {
        return Updates.mergeUpdatesV2(updates, true, UpdateLimits.TRUSTED);
      }
    }
    return updates.get(0);
  }

  public static byte[] encodeStateAsUpdateV2(Doc doc, byte[] encodedTargetStateVector) {
    return encodeStateAsUpdateV2(doc, encodedTargetStateVector, new UpdateEncoderV2());
  }

  public static byte[] encodeStateAsUpdateV2(Doc doc) {
    return encodeStateAsUpdateV2(doc, null);
  }

  public static byte[] encodeStateAsUpdate(Doc doc, byte[] encodedTargetStateVector) {
    return encodeStateAsUpdateV2(doc, encodedTargetStateVector, new UpdateEncoderV1());
  }

  public static byte[] encodeStateAsUpdate(Doc doc) {
    return encodeStateAsUpdate(doc, null);
  }

  public static Map<Long, Long> readStateVector(DSDecoder decoder) {
    Map<Long, Long> ss = new LinkedHashMap<>();
    long ssLength = decoder.restDecoder().readVarUint();
    for (long i = 0; i < ssLength; i++) {
      long client = decoder.restDecoder().readVarUint();
      long clock = decoder.restDecoder().readVarUint();
      ss.put(client, clock);
    }
    return ss;
  }

  public static Map<Long, Long> decodeStateVector(byte[] decodedState) {
    return readStateVector(new DSDecoderV1(new Decoder(decodedState)));
  }

  public static DSEncoder writeStateVector(DSEncoder encoder, Map<Long, Long> sv) {
    encoder.restEncoder().writeVarUint(sv.size());
    List<Map.Entry<Long, Long>> entries = new ArrayList<>(sv.entrySet());
    entries.sort((a, b) -> Long.compare(b.getKey(), a.getKey()));
    for (Map.Entry<Long, Long> e : entries) {
      encoder.restEncoder().writeVarUint(e.getKey());
      encoder.restEncoder().writeVarUint(e.getValue());
    }
    return encoder;
  }

  public static DSEncoder writeDocumentStateVector(DSEncoder encoder, Doc doc) {
    return writeStateVector(encoder, StructStore.getStateVector(doc.store));
  }

  public static byte[] encodeStateVectorV2(Doc doc, DSEncoder encoder) {
    writeDocumentStateVector(encoder, doc);
    return encoder.toUint8Array();
  }

  public static byte[] encodeStateVectorV2(Map<Long, Long> sv, DSEncoder encoder) {
    writeStateVector(encoder, sv);
    return encoder.toUint8Array();
  }

  public static byte[] encodeStateVectorV2(Doc doc) {
    return encodeStateVectorV2(doc, new DSEncoderV2());
  }

  public static byte[] encodeStateVector(Doc doc) {
    return encodeStateVectorV2(doc, new DSEncoderV1());
  }

  public static byte[] encodeStateVector(Map<Long, Long> sv) {
    return encodeStateVectorV2(sv, new DSEncoderV1());
  }
}
