package org.pledgepad.crdt;

// Follows yjs/tests/doc.tests.js (yjs v13.6.31).

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pledgepad.crdt.YjsTestHelper.compareValues;
import static org.pledgepad.crdt.YjsTestHelper.js;
import static org.pledgepad.crdt.YjsTestHelper.list;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class DocYjsTest {

  /** 15000 pushes in one transaction: ~6 s in Yjs on Node too (push walks the list), so slow. */
  @Test
  @Tag("slow")
  void testAfterTransactionRecursion() {
    Doc ydoc = new Doc();
    YXmlFragment yxml = ydoc.getXmlFragment("");
    ydoc.onAfterTransaction((tr, d) -> {
      if ("test".equals(tr.origin)) {
        yxml.toJSON();
      }
    });
    ydoc.transact(tr -> {
      for (int i = 0; i < 15000; i++) {
        yxml.push(list(new YXmlText("a")));
      }
    }, "test");
    assertEquals(15000, yxml.length());
  }

  @Test
  void testOriginInTransaction() {
    Doc doc = new Doc();
    YText ytext = doc.getText();
    List<Object> origins = new ArrayList<>();
    doc.onAfterTransaction((tr, d) -> {
      origins.add(tr.origin);
      if (origins.size() <= 1) {
        ytext.toDelta(Y.snapshot(doc)); // a snapshot forces toDelta to create a cleanup transaction
        doc.transact(t -> ytext.insert(0, "a"), "nested");
      }
    });
    doc.transact(t -> ytext.insert(0, "0"), "first");
    compareValues(origins, list("first", "cleanup", "nested"));
  }

  /** The client id changes when a doc receives updates from another client with the same id. */
  @Test
  void testClientIdDuplicateChange() {
    Doc doc1 = new Doc();
    doc1.clientID = 0;
    Doc doc2 = new Doc();
    doc2.clientID = 0;
    assertEquals(doc1.clientID, doc2.clientID);
    doc1.getArray("a").insert(0, list(1, 2));
    Y.applyUpdate(doc2, Y.encodeStateAsUpdate(doc1));
    assertNotEquals(doc1.clientID, doc2.clientID);
  }

  @Test
  void testGetTypeEmptyId() {
    Doc doc1 = new Doc();
    doc1.getText("").insert(0, "h");
    doc1.getText().insert(1, "i");
    Doc doc2 = new Doc();
    Y.applyUpdate(doc2, Y.encodeStateAsUpdate(doc1));
    assertEquals("hi", doc2.getText().toString());
    assertEquals("hi", doc2.getText("").toString());
  }

  @Test
  void testToJSON() {
    Doc doc = new Doc();
    compareValues(doc.toJSON(), js("{}"), "doc.toJSON yields empty object");
    YArray<Object> arr = doc.getArray("array");
    arr.push(list("test1"));
    YMap<Object> map = doc.getMap("map");
    map.set("k1", "v1");
    YMap<Object> map2 = new YMap<>();
    map.set("k2", map2);
    map2.set("m2k1", "m2v1");
    compareValues(doc.toJSON(), js("{ array: ['test1'], map: { k1: 'v1', k2: { m2k1: 'm2v1' } } }"),
        "doc.toJSON has array and recursive map");
  }

  private static List<Object> guids(java.util.Set<Doc> docs) {
    List<Object> l = new ArrayList<>();
    for (Doc d : docs) {
      l.add(d.guid);
    }
    return l;
  }

  @Test
  void testSubdoc() {
    Doc doc = new Doc();
    doc.load(); // doesn't do anything
    {
      Object[] event = {null};
      doc.onSubdocs((subdocs, d, tr) -> event[0] = list(guids(subdocs.added), guids(subdocs.removed), guids(subdocs.loaded)));
      YMap<Object> subdocs = doc.getMap("mysubdocs");
      Doc docA = new Doc(new DocOptions().guid("a"));
      docA.load();
      subdocs.set("a", docA);
      compareValues(event[0], js("[['a'], [], ['a']]"));

      event[0] = null;
      ((Doc) subdocs.get("a")).load();
      assertNull(event[0]);

      event[0] = null;
      ((Doc) subdocs.get("a")).destroy();
      compareValues(event[0], js("[['a'], ['a'], []]"));
      ((Doc) subdocs.get("a")).load();
      compareValues(event[0], js("[[], [], ['a']]"));

      subdocs.set("b", new Doc(new DocOptions().guid("a").shouldLoad(false)));
      compareValues(event[0], js("[['a'], [], []]"));
      ((Doc) subdocs.get("b")).load();
      compareValues(event[0], js("[[], [], ['a']]"));

      Doc docC = new Doc(new DocOptions().guid("c"));
      docC.load();
      subdocs.set("c", docC);
      compareValues(event[0], js("[['c'], [], ['c']]"));

      compareValues(new ArrayList<>(doc.getSubdocGuids()), list("a", "c"));
    }

    Doc doc2 = new Doc();
    {
      compareValues(new ArrayList<>(doc2.getSubdocs()), list());
      Object[] event = {null};
      doc2.onSubdocs((subdocs, d, tr) -> event[0] = list(guids(subdocs.added), guids(subdocs.removed), guids(subdocs.loaded)));
      Y.applyUpdate(doc2, Y.encodeStateAsUpdate(doc));
      compareValues(event[0], js("[['a', 'a', 'c'], [], []]"));

      ((Doc) doc2.getMap("mysubdocs").get("a")).load();
      compareValues(event[0], js("[[], [], ['a']]"));

      compareValues(new ArrayList<>(doc2.getSubdocGuids()), list("a", "c"));

      doc2.getMap("mysubdocs").delete("a");
      compareValues(event[0], js("[[], ['a'], []]"));
      compareValues(new ArrayList<>(doc2.getSubdocGuids()), list("a", "c"));
    }
  }

  @Test
  void testSubdocLoadEdgeCases() {
    Doc ydoc = new Doc();
    YArray<Object> yarray = ydoc.getArray();
    Doc subdoc1 = new Doc();
    Doc.SubdocsEvent[] lastEvent = {null};
    ydoc.onSubdocs((event, d, tr) -> lastEvent[0] = event);
    yarray.insert(0, list(subdoc1));
    assertTrue(subdoc1.shouldLoad);
    assertTrue(!subdoc1.autoLoad);
    assertTrue(lastEvent[0] != null && lastEvent[0].loaded.contains(subdoc1));
    assertTrue(lastEvent[0] != null && lastEvent[0].added.contains(subdoc1));
    // destroy and check whether lastEvent adds it again to added (it shouldn't)
    subdoc1.destroy();
    Doc subdoc2 = (Doc) yarray.get(0);
    assertNotSame(subdoc1, subdoc2);
    assertTrue(lastEvent[0] != null && lastEvent[0].added.contains(subdoc2));
    assertTrue(lastEvent[0] != null && !lastEvent[0].loaded.contains(subdoc2));
    // load
    subdoc2.load();
    assertTrue(lastEvent[0] != null && !lastEvent[0].added.contains(subdoc2));
    assertTrue(lastEvent[0] != null && lastEvent[0].loaded.contains(subdoc2));
    // apply from remote
    Doc ydoc2 = new Doc();
    ydoc2.onSubdocs((event, d, tr) -> lastEvent[0] = event);
    Y.applyUpdate(ydoc2, Y.encodeStateAsUpdate(ydoc));
    Doc subdoc3 = (Doc) ydoc2.getArray().get(0);
    assertTrue(!subdoc3.shouldLoad);
    assertTrue(!subdoc3.autoLoad);
    assertTrue(lastEvent[0] != null && lastEvent[0].added.contains(subdoc3));
    assertTrue(lastEvent[0] != null && !lastEvent[0].loaded.contains(subdoc3));
    // load
    subdoc3.load();
    assertTrue(subdoc3.shouldLoad);
    assertTrue(lastEvent[0] != null && !lastEvent[0].added.contains(subdoc3));
    assertTrue(lastEvent[0] != null && lastEvent[0].loaded.contains(subdoc3));
  }

  @Test
  void testSubdocLoadEdgeCasesAutoload() {
    Doc ydoc = new Doc();
    YArray<Object> yarray = ydoc.getArray();
    Doc subdoc1 = new Doc(new DocOptions().autoLoad(true));
    Doc.SubdocsEvent[] lastEvent = {null};
    ydoc.onSubdocs((event, d, tr) -> lastEvent[0] = event);
    yarray.insert(0, list(subdoc1));
    assertTrue(subdoc1.shouldLoad);
    assertTrue(subdoc1.autoLoad);
    assertTrue(lastEvent[0] != null && lastEvent[0].loaded.contains(subdoc1));
    assertTrue(lastEvent[0] != null && lastEvent[0].added.contains(subdoc1));
    // destroy and check whether lastEvent adds it again to added (it shouldn't)
    subdoc1.destroy();
    Doc subdoc2 = (Doc) yarray.get(0);
    assertNotSame(subdoc1, subdoc2);
    assertTrue(lastEvent[0] != null && lastEvent[0].added.contains(subdoc2));
    assertTrue(lastEvent[0] != null && !lastEvent[0].loaded.contains(subdoc2));
    // load
    subdoc2.load();
    assertTrue(lastEvent[0] != null && !lastEvent[0].added.contains(subdoc2));
    assertTrue(lastEvent[0] != null && lastEvent[0].loaded.contains(subdoc2));
    // apply from remote
    Doc ydoc2 = new Doc();
    ydoc2.onSubdocs((event, d, tr) -> lastEvent[0] = event);
    Y.applyUpdate(ydoc2, Y.encodeStateAsUpdate(ydoc));
    Doc subdoc3 = (Doc) ydoc2.getArray().get(0);
    assertTrue(subdoc1.shouldLoad);
    assertTrue(subdoc1.autoLoad);
    assertTrue(lastEvent[0] != null && lastEvent[0].added.contains(subdoc3));
    assertTrue(lastEvent[0] != null && lastEvent[0].loaded.contains(subdoc3));
  }

  @Test
  void testSubdocsUndo() {
    Doc ydoc = new Doc();
    YXmlFragment elems = ydoc.getXmlFragment();
    UndoManager undoManager = new UndoManager(elems);
    Doc subdoc = new Doc();
    elems.insert(0, list(subdoc));
    undoManager.undo();
    undoManager.redo();
    assertEquals(1, elems.length());
  }

  /** Java has no 'load' event: whenLoaded's completion stands for it. */
  @Test
  void testLoadDocsEvent() throws Exception {
    Doc ydoc = new Doc();
    assertTrue(!ydoc.isLoaded);
    boolean[] loadedEvent = {false};
    ydoc.whenLoaded.thenRun(() -> loadedEvent[0] = true);
    ydoc.emitLoad();
    ydoc.whenLoaded.get();
    assertTrue(loadedEvent[0]);
    assertTrue(ydoc.isLoaded);
  }

  @Test
  void testSyncDocsEvent() throws Exception {
    Doc ydoc = new Doc();
    assertTrue(!ydoc.isLoaded);
    assertTrue(!ydoc.isSynced);
    boolean[] loadedEvent = {false};
    ydoc.whenLoaded.thenRun(() -> loadedEvent[0] = true);
    boolean[] syncedEvent = {false};
    boolean[] once = {false};
    ydoc.onSync(isSynced -> {
      if (once[0]) {
        return;
      }
      once[0] = true;
      syncedEvent[0] = true;
      assertTrue(isSynced);
    });
    ydoc.emitSync(true);
    ydoc.whenLoaded.get();
    CompletableFuture<Void> oldWhenSynced = ydoc.whenSynced;
    ydoc.whenSynced.get();
    assertTrue(loadedEvent[0]);
    assertTrue(syncedEvent[0]);
    assertTrue(ydoc.isLoaded);
    assertTrue(ydoc.isSynced);
    boolean[] loadedEvent2 = {false};
    // a second load must not happen: whenLoaded is already complete, so count emitLoad calls
    // through isLoaded staying true and whenLoaded not being replaced
    CompletableFuture<Doc> whenLoaded = ydoc.whenLoaded;
    boolean[] syncedEvent2 = {false};
    ydoc.onSync(isSynced -> {
      syncedEvent2[0] = true;
      assertTrue(!isSynced);
    });
    ydoc.emitSync(false);
    assertTrue(!loadedEvent2[0]);
    assertTrue(whenLoaded == ydoc.whenLoaded);
    assertTrue(syncedEvent2[0]);
    assertTrue(ydoc.isLoaded);
    assertTrue(!ydoc.isSynced);
    assertNotNull(ydoc.whenSynced);
    assertTrue(ydoc.whenSynced != oldWhenSynced);
  }
}
