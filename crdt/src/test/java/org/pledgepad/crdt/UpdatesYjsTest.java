package org.pledgepad.crdt;

// Follows yjs/tests/updates.tests.js (yjs v13.6.31).

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pledgepad.crdt.YjsTestHelper.assertArrayEquals;
import static org.pledgepad.crdt.YjsTestHelper.compare;
import static org.pledgepad.crdt.YjsTestHelper.compareValues;
import static org.pledgepad.crdt.YjsTestHelper.delta;
import static org.pledgepad.crdt.YjsTestHelper.init;
import static org.pledgepad.crdt.YjsTestHelper.js;
import static org.pledgepad.crdt.YjsTestHelper.list;
import static org.pledgepad.crdt.YjsTestHelper.obj;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pledgepad.crdt.YjsTestHelper.Result;
import org.pledgepad.crdt.YjsTestHelper.Tc;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.Undefined;

@ExtendWith(YjsTestHelper.SeedExtension.class)
class UpdatesYjsTest {

  /** One way of producing, merging and applying updates (Yjs's Enc). */
  static final class Enc {
    final String description;
    final boolean v1;
    final Function<List<byte[]>, byte[]> mergeUpdates;
    final Function<Doc, byte[]> encodeStateAsUpdate;
    final BiFunction<Doc, byte[], Void> applyUpdate;
    final Function<byte[], Updates.UpdateMeta> parseUpdateMeta;
    final Function<byte[], byte[]> encodeStateVectorFromUpdate;
    final BiFunction<byte[], byte[], byte[]> diffUpdate;

    Enc(String description, boolean v1, Function<List<byte[]>, byte[]> mergeUpdates,
        Function<Doc, byte[]> encodeStateAsUpdate, BiFunction<Doc, byte[], Void> applyUpdate,
        Function<byte[], Updates.UpdateMeta> parseUpdateMeta, Function<byte[], byte[]> encodeStateVectorFromUpdate,
        BiFunction<byte[], byte[], byte[]> diffUpdate) {
      this.description = description;
      this.v1 = v1;
      this.mergeUpdates = mergeUpdates;
      this.encodeStateAsUpdate = encodeStateAsUpdate;
      this.applyUpdate = applyUpdate;
      this.parseUpdateMeta = parseUpdateMeta;
      this.encodeStateVectorFromUpdate = encodeStateVectorFromUpdate;
      this.diffUpdate = diffUpdate;
    }

    void onUpdate(Doc doc, List<byte[]> updates) {
      if (v1) {
        doc.onUpdate((u, o, d, tr) -> updates.add(u));
      } else {
        doc.onUpdateV2((u, o, d, tr) -> updates.add(u));
      }
    }

    @Override
    public String toString() {
      return description;
    }
  }

  static final Enc encV1 = new Enc("V1", true, Y::mergeUpdates, Y::encodeStateAsUpdate,
      (d, u) -> { Y.applyUpdate(d, u); return null; }, Y::parseUpdateMeta, Y::encodeStateVectorFromUpdate, Y::diffUpdate);

  static final Enc encV2 = new Enc("V2", false, Y::mergeUpdatesV2, Y::encodeStateAsUpdateV2,
      (d, u) -> { Y.applyUpdateV2(d, u); return null; }, Y::parseUpdateMetaV2, Y::encodeStateVectorFromUpdateV2, Y::diffUpdateV2);

  static final Enc encDoc = new Enc("Merge via Y.Doc", false,
      updates -> {
        Doc ydoc = new Doc(new DocOptions().gc(false));
        for (byte[] update : updates) {
          Y.applyUpdateV2(ydoc, update);
        }
        return Y.encodeStateAsUpdateV2(ydoc);
      },
      Y::encodeStateAsUpdateV2,
      (d, u) -> { Y.applyUpdateV2(d, u); return null; }, Y::parseUpdateMetaV2, Y::encodeStateVectorFromUpdateV2,
      (update, sv) -> {
        Doc ydoc = new Doc(new DocOptions().gc(false));
        Y.applyUpdateV2(ydoc, update);
        return Y.encodeStateAsUpdateV2(ydoc, sv);
      });

  static final List<Enc> encoders = List.of(encV1, encV2, encDoc);

  private static Doc fromUpdates(List<? extends Doc> users, Enc enc) {
    List<byte[]> updates = new ArrayList<>();
    for (Doc user : users) {
      updates.add(enc.encodeStateAsUpdate.apply(user));
    }
    Doc ydoc = new Doc();
    enc.applyUpdate.apply(ydoc, enc.mergeUpdates.apply(updates));
    return ydoc;
  }

  @Test
  void testMergeUpdates(Tc tc) {
    Result<Object> r = init(tc, 3);
    r.array0.insert(0, list(1));
    r.array1.insert(0, list(2));
    compare(r.users);
    for (Enc enc : encoders) {
      Doc merged = fromUpdates(r.users, enc);
      compareValues(r.array0.toArray(), merged.getArray("array").toArray(), enc.description);
    }
  }

  @Test
  void testKeyEncoding(Tc tc) {
    Result<Object> r = init(tc, 2);
    r.text0.insert(0, "a", obj("{ italic: true }"));
    r.text0.insert(0, "b");
    r.text0.insert(0, "c", obj("{ italic: true }"));
    byte[] update = Y.encodeStateAsUpdateV2(r.users.get(0));
    Y.applyUpdateV2(r.users.get(1), update);
    compareValues(r.text1.toDelta(), js("[{ insert: 'c', attributes: { italic: true } }, { insert: 'b' }, { insert: 'a', attributes: { italic: true } }]"));
    compare(r.users);
  }

  private static void compareMeta(Updates.UpdateMeta a, Updates.UpdateMeta b) {
    compareValues(a.from, b.from, "meta.from");
    compareValues(a.to, b.to, "meta.to");
  }

  private static void checkUpdateCases(Doc ydoc, List<byte[]> updates, Enc enc, boolean hasDeletes) {
    List<byte[]> cases = new ArrayList<>();
    // Case 1: Simple case, simply merge everything
    cases.add(enc.mergeUpdates.apply(updates));
    // Case 2: Overlapping updates
    cases.add(enc.mergeUpdates.apply(List.of(
        enc.mergeUpdates.apply(updates.subList(2, updates.size())),
        enc.mergeUpdates.apply(updates.subList(0, 2)))));
    // Case 3: Overlapping updates
    cases.add(enc.mergeUpdates.apply(List.of(
        enc.mergeUpdates.apply(updates.subList(2, updates.size())),
        enc.mergeUpdates.apply(updates.subList(1, 3)),
        updates.get(0))));
    // Case 4: Separated updates (containing skips)
    cases.add(enc.mergeUpdates.apply(List.of(
        enc.mergeUpdates.apply(List.of(updates.get(0), updates.get(2))),
        enc.mergeUpdates.apply(List.of(updates.get(1), updates.get(3))),
        enc.mergeUpdates.apply(updates.subList(4, updates.size())))));
    // Case 5: overlapping with many duplicates
    cases.add(enc.mergeUpdates.apply(new ArrayList<>(cases)));

    for (byte[] mergedUpdates : cases) {
      Doc merged = new Doc(new DocOptions().gc(false));
      enc.applyUpdate.apply(merged, mergedUpdates);
      compareValues(merged.getArray().toArray(), ydoc.getArray().toArray());
      assertArrayEquals(Y.encodeStateVector(merged), enc.encodeStateVectorFromUpdate.apply(mergedUpdates), "state vector");

      if (!enc.v1) { // Yjs: @todo should this also work on legacy updates?
        for (int j = 1; j < updates.size(); j++) {
          byte[] partMerged = enc.mergeUpdates.apply(updates.subList(j, updates.size()));
          Updates.UpdateMeta partMeta = enc.parseUpdateMeta.apply(partMerged);
          byte[] targetSV = Y.encodeStateVectorFromUpdateV2(Y.mergeUpdatesV2(updates.subList(0, j)));
          byte[] diffed = enc.diffUpdate.apply(mergedUpdates, targetSV);
          Updates.UpdateMeta diffedMeta = enc.parseUpdateMeta.apply(diffed);
          compareMeta(partMeta, diffedMeta);
          // diffed contains all deletes: add them to partMerged before comparing
          Decoder decoder = new Decoder(diffed);
          UpdateDecoderV2 updateDecoder = new UpdateDecoderV2(decoder);
          Encoding.readClientsStructRefs(updateDecoder, UpdateLimits.DEFAULT.budget(diffed.length));
          DeleteSet ds = DeleteSet.readDeleteSet(updateDecoder);
          UpdateEncoderV2 updateEncoder = new UpdateEncoderV2();
          updateEncoder.restEncoder().writeVarUint(0); // 0 structs
          DeleteSet.writeDeleteSet(updateEncoder, ds);
          byte[] deletesUpdate = updateEncoder.toUint8Array();
          byte[] mergedDeletes = Y.mergeUpdatesV2(List.of(deletesUpdate, partMerged));
          if (!hasDeletes || enc != encDoc) {
            // the mergeStruct feature of encDoc leads to different encodings with deletes
            assertArrayEquals(diffed, mergedDeletes, "diffed vs merged deletes");
          }
        }
      }

      Updates.UpdateMeta meta = enc.parseUpdateMeta.apply(mergedUpdates);
      meta.from.forEach((client, clock) -> assertEquals(0L, (long) clock));
      meta.to.forEach((client, clock) -> {
        List<AbstractStruct> structs = merged.store.clients.get(client);
        AbstractStruct lastStruct = structs.get(structs.size() - 1);
        assertEquals((long) clock, lastStruct.clock + lastStruct.length);
      });
    }
  }

  @Test
  void testMergeUpdates1() {
    for (Enc enc : encoders) {
      Doc ydoc = new Doc(new DocOptions().gc(false));
      List<byte[]> updates = new ArrayList<>();
      enc.onUpdate(ydoc, updates);
      YArray<Object> array = ydoc.getArray();
      array.insert(0, list(1));
      array.insert(0, list(2));
      array.insert(0, list(3));
      array.insert(0, list(4));
      checkUpdateCases(ydoc, updates, enc, false);
    }
  }

  @Test
  void testMergeUpdates2() {
    for (Enc enc : encoders) {
      Doc ydoc = new Doc(new DocOptions().gc(false));
      List<byte[]> updates = new ArrayList<>();
      enc.onUpdate(ydoc, updates);
      YArray<Object> array = ydoc.getArray();
      array.insert(0, list(1, 2));
      array.delete(1, 1);
      array.insert(0, list(3, 4));
      array.delete(1, 2);
      checkUpdateCases(ydoc, updates, enc, true);
    }
  }

  @Test
  void testMergePendingUpdates() {
    Doc yDoc = new Doc();
    List<byte[]> serverUpdates = new ArrayList<>();
    yDoc.onUpdate((update, origin, d, tr) -> serverUpdates.add(update));
    YText yText = yDoc.getText("textBlock");
    yText.applyDelta(delta("[{ insert: 'r' }]"));
    yText.applyDelta(delta("[{ insert: 'o' }]"));
    yText.applyDelta(delta("[{ insert: 'n' }]"));
    yText.applyDelta(delta("[{ insert: 'e' }]"));
    yText.applyDelta(delta("[{ insert: 'n' }]"));

    Doc yDoc1 = new Doc();
    Y.applyUpdate(yDoc1, serverUpdates.get(0));
    byte[] update1 = Y.encodeStateAsUpdate(yDoc1);

    Doc yDoc2 = new Doc();
    Y.applyUpdate(yDoc2, update1);
    Y.applyUpdate(yDoc2, serverUpdates.get(1));
    byte[] update2 = Y.encodeStateAsUpdate(yDoc2);

    Doc yDoc3 = new Doc();
    Y.applyUpdate(yDoc3, update2);
    Y.applyUpdate(yDoc3, serverUpdates.get(3));
    byte[] update3 = Y.encodeStateAsUpdate(yDoc3);

    Doc yDoc4 = new Doc();
    Y.applyUpdate(yDoc4, update3);
    Y.applyUpdate(yDoc4, serverUpdates.get(2));
    byte[] update4 = Y.encodeStateAsUpdate(yDoc4);

    Doc yDoc5 = new Doc();
    Y.applyUpdate(yDoc5, update4);
    Y.applyUpdate(yDoc5, serverUpdates.get(4));
    Y.encodeStateAsUpdate(yDoc5);

    YText yText5 = yDoc5.getText("textBlock");
    assertEquals("nenor", yText5.toString());
  }
}
