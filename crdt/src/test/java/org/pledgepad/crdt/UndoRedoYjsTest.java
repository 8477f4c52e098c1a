package org.pledgepad.crdt;

// Follows yjs/tests/undo-redo.tests.js (yjs v13.6.31).

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pledgepad.crdt.YjsTestHelper.compareValues;
import static org.pledgepad.crdt.YjsTestHelper.init;
import static org.pledgepad.crdt.YjsTestHelper.js;
import static org.pledgepad.crdt.YjsTestHelper.list;
import static org.pledgepad.crdt.YjsTestHelper.obj;
import static org.pledgepad.crdt.YjsTestHelper.toList;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pledgepad.crdt.YjsTestHelper.Result;
import org.pledgepad.crdt.YjsTestHelper.Tc;
import org.pledgepad.crdt.lib0.Undefined;

@ExtendWith(YjsTestHelper.SeedExtension.class)
@SuppressWarnings("unchecked")
class UndoRedoYjsTest {

  private static boolean isUndefined(Object v) {
    return v == null || v == Undefined.INSTANCE;
  }

  private static Doc noGcDoc() {
    return new Doc(new DocOptions().gc(false));
  }

  @Test
  void testInconsistentFormat() {
    java.util.function.Consumer<Doc> testYjsMerge = ydoc -> {
      YXmlText content = ydoc.get("text", YXmlText.class);
      content.format(0, 6, obj("{ bold: null }"));
      content.format(6, 4, obj("{ type: 'text' }"));
      compareValues(content.toDelta(), js("[{ attributes: { type: 'text' }, insert: 'Merge Test' }, { attributes: { type: 'text', italic: true }, insert: ' After' }]"));
    };
    java.util.function.Supplier<Doc> initializeYDoc = () -> {
      Doc yDoc = noGcDoc();
      YXmlText content = yDoc.get("text", YXmlText.class);
      content.insert(0, " After", obj("{ type: 'text', italic: true }"));
      content.insert(0, "Test", obj("{ type: 'text' }"));
      content.insert(0, "Merge ", obj("{ type: 'text', bold: true }"));
      return yDoc;
    };
    {
      Doc yDoc = initializeYDoc.get();
      testYjsMerge.accept(yDoc);
    }
    {
      Doc initialYDoc = initializeYDoc.get();
      Doc yDoc = noGcDoc();
      Y.applyUpdate(yDoc, Y.encodeStateAsUpdate(initialYDoc));
      testYjsMerge.accept(yDoc);
    }
  }

  @Test
  void testInfiniteCaptureTimeout(Tc tc) {
    Result<Object> r = init(tc, 3);
    UndoManager undoManager = new UndoManager(r.array0, new UndoManagerOptions().captureTimeout(Long.MAX_VALUE));
    r.array0.push(list(1, 2, 3));
    undoManager.stopCapturing();
    r.array0.push(list(4, 5, 6));
    undoManager.undo();
    compareValues(r.array0.toArray(), list(1, 2, 3));
  }

  @Test
  void testUndoText(Tc tc) {
    Result<Object> r = init(tc, 3);
    YText text0 = r.text0;
    YText text1 = r.text1;
    UndoManager undoManager = new UndoManager(text0);
    // items that are added & deleted in the same transaction won't be undone
    text0.insert(0, "test");
    text0.delete(0, 4);
    undoManager.undo();
    assertEquals("", text0.toString());
    // follow redone items
    text0.insert(0, "a");
    undoManager.stopCapturing();
    text0.delete(0, 1);
    undoManager.stopCapturing();
    undoManager.undo();
    assertEquals("a", text0.toString());
    undoManager.undo();
    assertEquals("", text0.toString());

    text0.insert(0, "abc");
    text1.insert(0, "xyz");
    r.testConnector.syncAll();
    undoManager.undo();
    assertEquals("xyz", text0.toString());
    undoManager.redo();
    assertEquals("abcxyz", text0.toString());
    r.testConnector.syncAll();
    text1.delete(0, 1);
    r.testConnector.syncAll();
    undoManager.undo();
    assertEquals("xyz", text0.toString());
    undoManager.redo();
    assertEquals("bcxyz", text0.toString());
    // test marks
    text0.format(1, 3, obj("{ bold: true }"));
    compareValues(text0.toDelta(), js("[{ insert: 'b' }, { insert: 'cxy', attributes: { bold: true } }, { insert: 'z' }]"));
    undoManager.undo();
    compareValues(text0.toDelta(), js("[{ insert: 'bcxyz' }]"));
    undoManager.redo();
    compareValues(text0.toDelta(), js("[{ insert: 'b' }, { insert: 'cxy', attributes: { bold: true } }, { insert: 'z' }]"));
  }

  /** yjs#241. */
  @Test
  void testEmptyTypeScope() {
    Doc ydoc = new Doc();
    UndoManager um = new UndoManager(list(), new UndoManagerOptions().doc(ydoc));
    YArray<Object> yarray = ydoc.getArray();
    um.addToScope(yarray);
    yarray.insert(0, list(1));
    um.undo();
    assertEquals(0, yarray.length());
  }

  @Test
  void testRejectUpdateExample() {
    Doc tmpydoc1 = new Doc();
    tmpydoc1.getArray("restricted").insert(0, list(1));
    tmpydoc1.getArray("public").insert(0, list(1));
    byte[] update1 = Y.encodeStateAsUpdate(tmpydoc1);
    Doc tmpydoc2 = new Doc();
    tmpydoc2.getArray("public").insert(0, list(2));
    byte[] update2 = Y.encodeStateAsUpdate(tmpydoc2);

    Doc ydoc = new Doc();
    YArray<Object> restrictedType = ydoc.getArray("restricted");
    // handles incoming updates; changes to the restricted type are rejected by undoing them
    java.util.function.Consumer<byte[]> updateHandler = update -> {
      UndoManager um = new UndoManager(restrictedType, new UndoManagerOptions().trackedOrigins(Set.of("remote change")));
      byte[] beforePendingDs = ydoc.store.pendingDs;
      byte[] beforePendingStructs = ydoc.store.pendingStructs == null ? null : ydoc.store.pendingStructs.update;
      try {
        Y.applyUpdate(ydoc, update, "remote change");
      } finally {
        while (!um.undoStack.isEmpty()) {
          um.undo();
        }
        um.destroy();
        ydoc.store.pendingDs = beforePendingDs;
        ydoc.store.pendingStructs = null;
        if (beforePendingStructs != null) {
          Y.applyUpdateV2(ydoc, beforePendingStructs);
        }
      }
    };
    updateHandler.accept(update1);
    updateHandler.accept(update2);
    assertEquals(0, restrictedType.length());
    assertEquals(2, ydoc.getArray("public").length());
  }

  /** yjs#241. */
  @Test
  void testGlobalScope() {
    Doc ydoc = new Doc();
    UndoManager um = new UndoManager(ydoc);
    YArray<Object> yarray = ydoc.getArray();
    yarray.insert(0, list(1));
    um.undo();
    assertEquals(0, yarray.length());
  }

  /** yjs#241. */
  @Test
  void testDoubleUndo() {
    Doc doc = new Doc();
    YText text = doc.getText();
    text.insert(0, "1221");
    UndoManager manager = new UndoManager(text);
    text.insert(2, "3");
    text.insert(3, "3");
    manager.undo();
    manager.undo();
    text.insert(2, "3");
    assertEquals("12321", text.toString());
  }

  @Test
  void testUndoMap(Tc tc) {
    Result<Object> r = init(tc, 2);
    YMap<Object> map0 = r.map0;
    YMap<Object> map1 = r.map1;
    map0.set("a", 0);
    UndoManager undoManager = new UndoManager(map0);
    map0.set("a", 1);
    undoManager.undo();
    compareValues(map0.get("a"), 0);
    undoManager.redo();
    compareValues(map0.get("a"), 1);
    // sub-types: can a whole type be restored
    YMap<Object> subType = new YMap<>();
    map0.set("a", subType);
    subType.set("x", 42);
    compareValues(map0.toJSON(), js("{ a: { x: 42 } }"));
    undoManager.undo();
    compareValues(map0.get("a"), 1);
    undoManager.redo();
    compareValues(map0.toJSON(), js("{ a: { x: 42 } }"));
    r.testConnector.syncAll();
    // if content is overwritten by another user, undo operations are skipped
    map1.set("a", 44);
    r.testConnector.syncAll();
    undoManager.undo();
    compareValues(map0.get("a"), 44);
    undoManager.redo();
    compareValues(map0.get("a"), 44);
    // setting a value multiple times
    map0.set("b", "initial");
    undoManager.stopCapturing();
    map0.set("b", "val1");
    map0.set("b", "val2");
    undoManager.stopCapturing();
    undoManager.undo();
    assertEquals("initial", map0.get("b"));
  }

  @Test
  void testUndoArray(Tc tc) {
    Result<Object> r = init(tc, 3);
    YArray<Object> array0 = r.array0;
    YArray<Object> array1 = r.array1;
    UndoManager undoManager = new UndoManager(array0);
    array0.insert(0, list(1, 2, 3));
    array1.insert(0, list(4, 5, 6));
    r.testConnector.syncAll();
    compareValues(array0.toArray(), list(1, 2, 3, 4, 5, 6));
    undoManager.undo();
    compareValues(array0.toArray(), list(4, 5, 6));
    undoManager.redo();
    compareValues(array0.toArray(), list(1, 2, 3, 4, 5, 6));
    r.testConnector.syncAll();
    array1.delete(0, 1); // user1 deletes [1]
    r.testConnector.syncAll();
    undoManager.undo();
    compareValues(array0.toArray(), list(4, 5, 6));
    undoManager.redo();
    compareValues(array0.toArray(), list(2, 3, 4, 5, 6));
    array0.delete(0, 5);
    // nested structure
    YMap<Object> ymap = new YMap<>();
    array0.insert(0, list(ymap));
    compareValues(array0.toJSON(), js("[{}]"));
    undoManager.stopCapturing();
    ymap.set("a", 1);
    compareValues(array0.toJSON(), js("[{ a: 1 }]"));
    undoManager.undo();
    compareValues(array0.toJSON(), js("[{}]"));
    undoManager.undo();
    compareValues(array0.toJSON(), js("[2, 3, 4, 5, 6]"));
    undoManager.redo();
    compareValues(array0.toJSON(), js("[{}]"));
    undoManager.redo();
    compareValues(array0.toJSON(), js("[{ a: 1 }]"));
    r.testConnector.syncAll();
    ((YMap<Object>) array1.get(0)).set("b", 2);
    r.testConnector.syncAll();
    compareValues(array0.toJSON(), js("[{ a: 1, b: 2 }]"));
    undoManager.undo();
    compareValues(array0.toJSON(), js("[{ b: 2 }]"));
    undoManager.undo();
    compareValues(array0.toJSON(), js("[2, 3, 4, 5, 6]"));
    undoManager.redo();
    compareValues(array0.toJSON(), js("[{ b: 2 }]"));
    undoManager.redo();
    compareValues(array0.toJSON(), js("[{ a: 1, b: 2 }]"));
  }

  @Test
  void testUndoXml(Tc tc) {
    Result<Object> r = init(tc, 3);
    YXmlElement xml0 = r.xml0;
    UndoManager undoManager = new UndoManager(xml0);
    YXmlElement child = new YXmlElement("p");
    xml0.insert(0, list(child));
    YXmlText textchild = new YXmlText("content");
    child.insert(0, list(textchild));
    assertEquals("<undefined><p>content</p></undefined>", xml0.toString());
    // format textchild and revert that change
    undoManager.stopCapturing();
    textchild.format(3, 4, obj("{ bold: {} }"));
    assertEquals("<undefined><p>con<bold>tent</bold></p></undefined>", xml0.toString());
    undoManager.undo();
    assertEquals("<undefined><p>content</p></undefined>", xml0.toString());
    undoManager.redo();
    assertEquals("<undefined><p>con<bold>tent</bold></p></undefined>", xml0.toString());
    xml0.delete(0, 1);
    assertEquals("<undefined></undefined>", xml0.toString());
    undoManager.undo();
    assertEquals("<undefined><p>con<bold>tent</bold></p></undefined>", xml0.toString());
  }

  @Test
  void testUndoEvents(Tc tc) {
    Result<Object> r = init(tc, 3);
    YText text0 = r.text0;
    UndoManager undoManager = new UndoManager(text0);
    int[] counter = {0};
    Object[] receivedMetadata = {-1};
    undoManager.onStackItemAdded((event, um) -> {
      assertNotNull(event.type);
      assertTrue(event.changedParentTypes != null && event.changedParentTypes.containsKey(text0));
      event.stackItem.meta.put("test", counter[0]++);
    });
    undoManager.onStackItemPopped((event, um) -> {
      assertNotNull(event.type);
      assertTrue(event.changedParentTypes != null && event.changedParentTypes.containsKey(text0));
      receivedMetadata[0] = event.stackItem.meta.get("test");
    });
    text0.insert(0, "abc");
    undoManager.undo();
    assertEquals(0, receivedMetadata[0]);
    undoManager.redo();
    assertEquals(1, receivedMetadata[0]);
  }

  @Test
  void testTrackClass(Tc tc) {
    Result<Object> r = init(tc, 3);
    YText text0 = r.text0;
    // only track origins that are numbers (JS Number → the boxed class of the origin)
    UndoManager undoManager = new UndoManager(text0, new UndoManagerOptions().trackedOrigins(Set.of(Integer.class)));
    r.users.get(0).transact(tr -> text0.insert(0, "abc"), 42);
    assertEquals("abc", text0.toString());
    undoManager.undo();
    assertEquals("", text0.toString());
  }

  @Test
  void testTypeScope(Tc tc) {
    Result<Object> r = init(tc, 3);
    YText text0 = new YText();
    YText text1 = new YText();
    r.array0.insert(0, list(text0, text1));
    UndoManager undoManager = new UndoManager(text0);
    UndoManager undoManagerBoth = new UndoManager(list(text0, text1));
    text1.insert(0, "abc");
    assertEquals(0, undoManager.undoStack.size());
    assertEquals(1, undoManagerBoth.undoStack.size());
    assertEquals("abc", text1.toString());
    undoManager.undo();
    assertEquals("abc", text1.toString());
    undoManagerBoth.undo();
    assertEquals("", text1.toString());
  }

  @Test
  void testUndoInEmbed(Tc tc) {
    Result<Object> r = init(tc, 3);
    YText text0 = r.text0;
    UndoManager undoManager = new UndoManager(text0);
    YText nestedText = new YText("initial text");
    undoManager.stopCapturing();
    text0.insertEmbed(0, nestedText, obj("{ bold: true }"));
    assertEquals("initial text", nestedText.toString());
    undoManager.stopCapturing();
    nestedText.delete(0, nestedText.length());
    nestedText.insert(0, "other text");
    assertEquals("other text", nestedText.toString());
    undoManager.undo();
    assertEquals("initial text", nestedText.toString());
    undoManager.undo();
    assertEquals(0, text0.length());
  }

  @Test
  void testUndoDeleteFilter(Tc tc) {
    YArray<Object> array0 = init(tc, 3).array0;
    UndoManager undoManager = new UndoManager(array0, new UndoManagerOptions().deleteFilter(
        item -> !(item instanceof Item)
            || (item.content instanceof ContentType && ((ContentType) item.content).type._map.size() == 0)));
    YMap<Object> map0 = new YMap<>();
    map0.set("hi", 1);
    YMap<Object> map1 = new YMap<>();
    array0.insert(0, list(map0, map1));
    undoManager.undo();
    assertEquals(1, array0.length());
    array0.get(0);
    assertEquals(1, toList(((YMap<Object>) array0.get(0)).keys()).size());
  }

  /** discuss.yjs.dev/t/undomanager-with-external-updates/454/6. */
  @Test
  void testUndoUntilChangePerformed() {
    Doc doc = new Doc();
    Doc doc2 = new Doc();
    doc.onUpdate((update, o, d, tr) -> Y.applyUpdate(doc2, update));
    doc2.onUpdate((update, o, d, tr) -> Y.applyUpdate(doc, update));
    YArray<Object> yArray = doc.getArray("array");
    YArray<Object> yArray2 = doc2.getArray("array");
    YMap<Object> yMap = new YMap<>();
    yMap.set("hello", "world");
    yArray.push(list(yMap));
    YMap<Object> yMap2 = new YMap<>();
    yMap2.set("key", "value");
    yArray.push(list(yMap2));
    UndoManager undoManager = new UndoManager(list(yArray), new UndoManagerOptions().trackedOrigins(Set.of(doc.clientID)));
    UndoManager undoManager2 = new UndoManager(list(doc2.get("array")), new UndoManagerOptions().trackedOrigins(Set.of(doc2.clientID)));
    Transaction.transact(doc, tr -> yMap2.set("key", "value modified"), doc.clientID);
    undoManager.stopCapturing();
    Transaction.transact(doc, tr -> yMap.set("hello", "world modified"), doc.clientID);
    Transaction.transact(doc2, tr -> yArray2.delete(0), doc2.clientID);
    undoManager2.undo();
    undoManager.undo();
    assertEquals("value", yMap2.get("key"));
  }

  /** yjs#317. */
  @Test
  void testUndoNestedUndoIssue() {
    Doc doc = noGcDoc();
    YMap<Object> design = doc.getMap();
    UndoManager undoManager = new UndoManager(design, new UndoManagerOptions().captureTimeout(0));
    YMap<Object> text = new YMap<>();
    YArray<Object> blocks1 = new YArray<>();
    YMap<Object> blocks1block = new YMap<>();
    doc.transact(tr -> {
      blocks1block.set("text", "Type Something");
      blocks1.push(list(blocks1block));
      text.set("blocks", blocks1block);
      design.set("text", text);
    });
    YArray<Object> blocks2 = new YArray<>();
    YMap<Object> blocks2block = new YMap<>();
    doc.transact(tr -> {
      blocks2block.set("text", "Something");
      blocks2.push(list(blocks2block));
      text.set("blocks", blocks2block);
    });
    YArray<Object> blocks3 = new YArray<>();
    YMap<Object> blocks3block = new YMap<>();
    doc.transact(tr -> {
      blocks3block.set("text", "Something Else");
      blocks3.push(list(blocks3block));
      text.set("blocks", blocks3block);
    });
    compareValues(design.toJSON(), js("{ text: { blocks: { text: 'Something Else' } } }"));
    undoManager.undo();
    compareValues(design.toJSON(), js("{ text: { blocks: { text: 'Something' } } }"));
    undoManager.undo();
    compareValues(design.toJSON(), js("{ text: { blocks: { text: 'Type Something' } } }"));
    undoManager.undo();
    compareValues(design.toJSON(), js("{ }"));
    undoManager.redo();
    compareValues(design.toJSON(), js("{ text: { blocks: { text: 'Type Something' } } }"));
    undoManager.redo();
    compareValues(design.toJSON(), js("{ text: { blocks: { text: 'Something' } } }"));
    undoManager.redo();
    compareValues(design.toJSON(), js("{ text: { blocks: { text: 'Something Else' } } }"));
  }

  /** yjs#355. */
  @Test
  void testConsecutiveRedoBug() {
    Doc doc = new Doc();
    YMap<Object> yRoot = doc.getMap();
    UndoManager undoMgr = new UndoManager(yRoot);
    YMap<Object> yPoint = new YMap<>();
    yPoint.set("x", 0);
    yPoint.set("y", 0);
    yRoot.set("a", yPoint);
    undoMgr.stopCapturing();
    yPoint.set("x", 100);
    yPoint.set("y", 100);
    undoMgr.stopCapturing();
    yPoint.set("x", 200);
    yPoint.set("y", 200);
    undoMgr.stopCapturing();
    yPoint.set("x", 300);
    yPoint.set("y", 300);
    undoMgr.stopCapturing();
    compareValues(yPoint.toJSON(), js("{ x: 300, y: 300 }"));
    undoMgr.undo();
    compareValues(yPoint.toJSON(), js("{ x: 200, y: 200 }"));
    undoMgr.undo();
    compareValues(yPoint.toJSON(), js("{ x: 100, y: 100 }"));
    undoMgr.undo();
    compareValues(yPoint.toJSON(), js("{ x: 0, y: 0 }"));
    undoMgr.undo();
    assertTrue(isUndefined(yRoot.get("a")));
    undoMgr.redo();
    yPoint = (YMap<Object>) yRoot.get("a");
    compareValues(yPoint.toJSON(), js("{ x: 0, y: 0 }"));
    undoMgr.redo();
    compareValues(yPoint.toJSON(), js("{ x: 100, y: 100 }"));
    undoMgr.redo();
    compareValues(yPoint.toJSON(), js("{ x: 200, y: 200 }"));
    undoMgr.redo();
    compareValues(yPoint.toJSON(), js("{ x: 300, y: 300 }"));
  }

  /** yjs#304. */
  @Test
  void testUndoXmlBug() {
    String origin = "origin";
    Doc doc = new Doc();
    YXmlFragment fragment = doc.getXmlFragment("t");
    UndoManager undoManager = new UndoManager(fragment, new UndoManagerOptions().captureTimeout(0).trackedOrigins(Set.of(origin)));
    doc.transact(tr -> {
      YXmlElement e = new YXmlElement("test-node");
      e.setAttribute("a", "100");
      e.setAttribute("b", "0");
      fragment.insert(fragment.length(), list(e));
    }, origin);
    doc.transact(tr -> ((YXmlElement) fragment.get(0)).setAttribute("a", "200"), origin);
    doc.transact(tr -> {
      YXmlElement e = (YXmlElement) fragment.get(0);
      e.setAttribute("a", "180");
      e.setAttribute("b", "50");
    }, origin);
    undoManager.undo();
    undoManager.undo();
    undoManager.undo();
    undoManager.redo();
    undoManager.redo();
    undoManager.redo();
    assertEquals("<test-node a=\"180\" b=\"50\"></test-node>", fragment.toString());
  }

  /** yjs#343. */
  @Test
  void testUndoBlockBug() {
    Doc doc = noGcDoc();
    YMap<Object> design = doc.getMap();
    UndoManager undoManager = new UndoManager(design, new UndoManagerOptions().captureTimeout(0));
    YMap<Object> text = new YMap<>();
    for (int i = 1; i <= 4; i++) {
      String n = String.valueOf(i);
      YArray<Object> blocks = new YArray<>();
      YMap<Object> block = new YMap<>();
      boolean first = i == 1;
      doc.transact(tr -> {
        block.set("text", n);
        blocks.push(list(block));
        text.set("blocks", block);
        if (first) {
          design.set("text", text);
        }
      });
    }
    undoManager.undo();
    undoManager.undo();
    undoManager.undo();
    undoManager.undo();
    undoManager.redo();
    undoManager.redo();
    undoManager.redo();
    undoManager.redo();
    compareValues(design.toJSON(), js("{ text: { blocks: { text: '4' } } }"));
  }

  /** Undoing a formatting delete must not corrupt peer state (yjs#392). */
  @Test
  void testUndoDeleteTextFormat() {
    Doc doc = new Doc();
    YText text = doc.getText();
    text.insert(0, "Attack ships on fire off the shoulder of Orion.");
    Doc doc2 = new Doc();
    YText text2 = doc2.getText();
    Y.applyUpdate(doc2, Y.encodeStateAsUpdate(doc));
    UndoManager undoManager = new UndoManager(text);
    text.format(13, 7, obj("{ bold: true }"));
    undoManager.stopCapturing();
    Y.applyUpdate(doc2, Y.encodeStateAsUpdate(doc));
    text.format(16, 4, obj("{ bold: null }"));
    undoManager.stopCapturing();
    Y.applyUpdate(doc2, Y.encodeStateAsUpdate(doc));
    undoManager.undo();
    Y.applyUpdate(doc2, Y.encodeStateAsUpdate(doc));
    Object expect = js("[{ insert: 'Attack ships ' }, { insert: 'on fire', attributes: { bold: true } }, { insert: ' off the shoulder of Orion.' }]");
    compareValues(text.toDelta(), expect);
    compareValues(text2.toDelta(), expect);
  }

  @Test
  void testBehaviorOfIgnoreremotemapchangesProperty() {
    Doc doc = new Doc();
    Doc doc2 = new Doc();
    doc.onUpdate((update, o, d, tr) -> Y.applyUpdate(doc2, update, doc));
    doc2.onUpdate((update, o, d, tr) -> Y.applyUpdate(doc, update, doc2));
    YMap<Object> map1 = doc.getMap();
    YMap<Object> map2 = doc2.getMap();
    UndoManager um1 = new UndoManager(map1, new UndoManagerOptions().ignoreRemoteMapChanges(true));
    map1.set("x", 1);
    map2.set("x", 2);
    map1.set("x", 3);
    map2.set("x", 4);
    um1.undo();
    compareValues(map1.get("x"), 2);
    compareValues(map2.get("x"), 2);
  }

  /** yjs#447. */
  @Test
  void testSpecialDeletionCase() {
    String origin = "undoable";
    Doc doc = new Doc();
    YXmlFragment fragment = doc.getXmlFragment();
    UndoManager undoManager = new UndoManager(fragment, new UndoManagerOptions().trackedOrigins(Set.of(origin)));
    doc.transact(tr -> {
      YXmlElement e = new YXmlElement("test");
      e.setAttribute("a", "1");
      e.setAttribute("b", "2");
      fragment.insert(0, list(e));
    });
    assertEquals("<test a=\"1\" b=\"2\"></test>", fragment.toString());
    doc.transact(tr -> {
      // change attribute "b" and delete test-node
      YXmlElement e = (YXmlElement) fragment.get(0);
      e.setAttribute("b", "3");
      fragment.delete(0);
    }, origin);
    assertEquals("", fragment.toString());
    undoManager.undo();
    assertEquals("<test a=\"1\" b=\"2\"></test>", fragment.toString());
  }

  /** Deleted map entries are restored on undo (yjs#500). */
  @Test
  void testUndoDeleteInMap(Tc tc) {
    YMap<Object> map0 = init(tc, 3).map0;
    UndoManager undoManager = new UndoManager(map0, new UndoManagerOptions().captureTimeout(0));
    map0.set("a", "a");
    map0.delete("a");
    map0.set("a", "b");
    map0.delete("a");
    map0.set("a", "c");
    map0.delete("a");
    map0.set("a", "d");
    compareValues(map0.toJSON(), js("{ a: 'd' }"));
    undoManager.undo();
    compareValues(map0.toJSON(), js("{}"));
    undoManager.undo();
    compareValues(map0.toJSON(), js("{ a: 'c' }"));
    undoManager.undo();
    compareValues(map0.toJSON(), js("{}"));
    undoManager.undo();
    compareValues(map0.toJSON(), js("{ a: 'b' }"));
    undoManager.undo();
    compareValues(map0.toJSON(), js("{}"));
    undoManager.undo();
    compareValues(map0.toJSON(), js("{ a: 'a' }"));
  }

  /** The StackItem being processed is exposed while undoing. */
  @Test
  void testUndoDoingStackItem() {
    Doc doc = new Doc();
    YText text = doc.getText("text");
    UndoManager undoManager = new UndoManager(list(text));
    undoManager.onStackItemAdded((event, um) -> event.stackItem.meta.put("str", "42"));
    Object[] metaUndo = {null};
    Object[] metaRedo = {null};
    text.observe((event, tr) -> {
      Object origin = event.transaction.origin;
      if (origin == undoManager && undoManager.undoing) {
        metaUndo[0] = undoManager.currStackItem == null ? null : undoManager.currStackItem.meta.get("str");
      } else if (origin == undoManager && undoManager.redoing) {
        metaRedo[0] = undoManager.currStackItem == null ? null : undoManager.currStackItem.meta.get("str");
      }
    });
    text.insert(0, "abc");
    undoManager.undo();
    undoManager.redo();
    assertEquals("42", metaUndo[0], "currStackItem is accessible while undoing");
    assertEquals("42", metaRedo[0], "currStackItem is accessible while redoing");
    assertNull(undoManager.currStackItem, "currStackItem is null after observe/transaction");
  }

  /** yjs#757. */
  @Test
  void testUndoSetAttributeAndDeleteSyncsAttributes() {
    Doc doc = new Doc();
    YXmlText root = doc.get("sharedRoot", YXmlText.class);
    YXmlText button = new YXmlText();
    button.setAttribute("type", "button");
    button.setAttribute("test", true);
    button.insert(0, "Click me");
    root.insertEmbed(0, button);
    UndoManager undoManager = new UndoManager(root);
    undoManager.stopCapturing();
    button.setAttribute("type", "paragraph");
    root.delete(0, 1);
    undoManager.undo();
    Object expectedAttrs = js("{ type: 'button', test: true }");
    String expectedText = "Click me";
    compareValues(((YXmlText) root.toDelta().get(0).get("insert")).getAttributes(), expectedAttrs);
    assertEquals(expectedText, root.toDelta().get(0).get("insert").toString());
    Doc remoteDoc = new Doc();
    Y.applyUpdateV2(remoteDoc, Y.encodeStateAsUpdateV2(doc));
    YXmlText remoteRoot = remoteDoc.get("sharedRoot", YXmlText.class);
    compareValues(((YXmlText) remoteRoot.toDelta().get(0).get("insert")).getAttributes(), expectedAttrs);
    assertEquals(expectedText, remoteRoot.toDelta().get(0).get("insert").toString());
  }
}
