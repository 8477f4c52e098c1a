package org.pledgepad.crdt;

// Follows yjs/tests/snapshot.tests.js (yjs v13.6.31).

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pledgepad.crdt.YjsTestHelper.compareValues;
import static org.pledgepad.crdt.YjsTestHelper.init;
import static org.pledgepad.crdt.YjsTestHelper.js;
import static org.pledgepad.crdt.YjsTestHelper.list;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pledgepad.crdt.YjsTestHelper.Result;
import org.pledgepad.crdt.YjsTestHelper.Tc;

@ExtendWith(YjsTestHelper.SeedExtension.class)
@SuppressWarnings("unchecked")
class SnapshotYjsTest {

  private static Doc noGcDoc() {
    return new Doc(new DocOptions().gc(false));
  }

  @Test
  void testBasic() {
    Doc ydoc = noGcDoc();
    ydoc.getText().insert(0, "world!");
    Snapshot snapshot = Y.snapshot(ydoc);
    ydoc.getText().insert(0, "hello ");
    Doc restored = Y.createDocFromSnapshot(ydoc, snapshot);
    assertEquals("world!", restored.getText().toString());
  }

  @Test
  void testBasicXmlAttributes() {
    Doc ydoc = noGcDoc();
    YXmlElement yxml = ydoc.getMap().set("el", new YXmlElement("div"));
    Snapshot snapshot1 = Y.snapshot(ydoc);
    yxml.setAttribute("a", "1");
    Snapshot snapshot2 = Y.snapshot(ydoc);
    yxml.setAttribute("a", "2");
    compareValues(yxml.getAttributes(), js("{ a: '2' }"));
    compareValues(yxml.getAttributes(snapshot2), js("{ a: '1' }"));
    compareValues(yxml.getAttributes(snapshot1), js("{}"));
  }

  @Test
  void testBasicRestoreSnapshot() {
    Doc doc = noGcDoc();
    doc.getArray("array").insert(0, list("hello"));
    Snapshot snap = Y.snapshot(doc);
    doc.getArray("array").insert(1, list("world"));
    Doc docRestored = Y.createDocFromSnapshot(doc, snap);
    compareValues(docRestored.getArray("array").toArray(), list("hello"));
    compareValues(doc.getArray("array").toArray(), list("hello", "world"));
  }

  @Test
  void testEmptyRestoreSnapshot() {
    Doc doc = noGcDoc();
    Snapshot snap = Y.snapshot(doc);
    snap.sv.put(9999L, 0L);
    doc.getArray().insert(0, list("world"));
    Doc docRestored = Y.createDocFromSnapshot(doc, snap);
    compareValues(docRestored.getArray().toArray(), list());
    compareValues(doc.getArray().toArray(), list("world"));
    // now this snapshot reflects the latest state; it should still work
    Snapshot snap2 = Y.snapshot(doc);
    Doc docRestored2 = Y.createDocFromSnapshot(doc, snap2);
    compareValues(docRestored2.getArray().toArray(), list("world"));
  }

  @Test
  void testRestoreSnapshotWithSubType() {
    Doc doc = noGcDoc();
    doc.getArray("array").insert(0, list(new YMap<Object>()));
    YMap<Object> subMap = (YMap<Object>) doc.getArray("array").get(0);
    subMap.set("key1", "value1");
    Snapshot snap = Y.snapshot(doc);
    subMap.set("key2", "value2");
    Doc docRestored = Y.createDocFromSnapshot(doc, snap);
    compareValues(docRestored.getArray("array").toJSON(), js("[{ key1: 'value1' }]"));
    compareValues(doc.getArray("array").toJSON(), js("[{ key1: 'value1', key2: 'value2' }]"));
  }

  @Test
  void testRestoreDeletedItem1() {
    Doc doc = noGcDoc();
    doc.getArray("array").insert(0, list("item1", "item2"));
    Snapshot snap = Y.snapshot(doc);
    doc.getArray("array").delete(0);
    Doc docRestored = Y.createDocFromSnapshot(doc, snap);
    compareValues(docRestored.getArray("array").toArray(), list("item1", "item2"));
    compareValues(doc.getArray("array").toArray(), list("item2"));
  }

  @Test
  void testRestoreLeftItem() {
    Doc doc = noGcDoc();
    doc.getArray("array").insert(0, list("item1"));
    doc.getMap("map").set("test", 1);
    doc.getArray("array").insert(0, list("item0"));
    Snapshot snap = Y.snapshot(doc);
    doc.getArray("array").delete(1);
    Doc docRestored = Y.createDocFromSnapshot(doc, snap);
    compareValues(docRestored.getArray("array").toArray(), list("item0", "item1"));
    compareValues(doc.getArray("array").toArray(), list("item0"));
  }

  @Test
  void testDeletedItemsBase() {
    Doc doc = noGcDoc();
    doc.getArray("array").insert(0, list("item1"));
    doc.getArray("array").delete(0);
    Snapshot snap = Y.snapshot(doc);
    doc.getArray("array").insert(0, list("item0"));
    Doc docRestored = Y.createDocFromSnapshot(doc, snap);
    compareValues(docRestored.getArray("array").toArray(), list());
    compareValues(doc.getArray("array").toArray(), list("item0"));
  }

  @Test
  void testDeletedItems2() {
    Doc doc = noGcDoc();
    doc.getArray("array").insert(0, list("item1", "item2", "item3"));
    doc.getArray("array").delete(1);
    Snapshot snap = Y.snapshot(doc);
    doc.getArray("array").insert(0, list("item0"));
    Doc docRestored = Y.createDocFromSnapshot(doc, snap);
    compareValues(docRestored.getArray("array").toArray(), list("item1", "item3"));
    compareValues(doc.getArray("array").toArray(), list("item0", "item1", "item3"));
  }

  @Test
  void testDependentChanges(Tc tc) {
    Result<Object> r = init(tc, 2);
    Doc doc0 = r.array0.doc;
    Doc doc1 = r.array1.doc;
    doc0.gc = false;
    doc1.gc = false;
    r.array0.insert(0, list("user1item1"));
    r.testConnector.syncAll();
    r.array1.insert(1, list("user2item1"));
    r.testConnector.syncAll();
    Snapshot snap = Y.snapshot(r.array0.doc);
    r.array0.insert(2, list("user1item2"));
    r.testConnector.syncAll();
    r.array1.insert(3, list("user2item2"));
    r.testConnector.syncAll();
    Doc docRestored0 = Y.createDocFromSnapshot(r.array0.doc, snap);
    compareValues(docRestored0.getArray("array").toArray(), list("user1item1", "user2item1"));
    Doc docRestored1 = Y.createDocFromSnapshot(r.array1.doc, snap);
    compareValues(docRestored1.getArray("array").toArray(), list("user1item1", "user2item1"));
  }

  @Test
  void testContainsUpdate() {
    Doc ydoc = new Doc();
    List<byte[]> updates = new ArrayList<>();
    ydoc.onUpdate((update, origin, d, tr) -> updates.add(update));
    YArray<Object> yarr = ydoc.getArray();
    Snapshot snapshot1 = Y.snapshot(ydoc);
    yarr.insert(0, list(1));
    Snapshot snapshot2 = Y.snapshot(ydoc);
    yarr.delete(0, 1);
    Snapshot snapshotFinal = Y.snapshot(ydoc);
    assertTrue(!Y.snapshotContainsUpdate(snapshot1, updates.get(0)));
    assertTrue(!Y.snapshotContainsUpdate(snapshot2, updates.get(1)));
    assertTrue(Y.snapshotContainsUpdate(snapshot2, updates.get(0)));
    assertTrue(Y.snapshotContainsUpdate(snapshotFinal, updates.get(0)));
    assertTrue(Y.snapshotContainsUpdate(snapshotFinal, updates.get(1)));
  }

  /** yjs#767. */
  @Test
  void testContainsUpdate2() {
    Doc local = new Doc();
    Doc remote = new Doc();
    local.getText("t").insert(0, "abcdefghij");
    local.getText("t").delete(0, 3);
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(local));
    Snapshot snap = Y.snapshot(remote);
    local.getText("t").delete(0, 3);
    byte[] update = Y.encodeStateAsUpdate(local);
    assertTrue(!Y.snapshotContainsUpdate(snap, update));
  }
}
