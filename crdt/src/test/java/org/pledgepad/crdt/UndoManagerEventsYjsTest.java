package org.pledgepad.crdt;

// Not a port of a Yjs test file: covers UndoManager behaviour that undo-redo.tests.js leaves out
// (stack-item-updated, stack-cleared, tracked-origin changes, capture filter, destroy).

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pledgepad.crdt.YjsTestHelper.list;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UndoManagerEventsYjsTest {

  @Test
  void changesWithinCaptureTimeoutUpdateTheLastStackItem() {
    Doc doc = new Doc();
    YText text = doc.getText("t");
    UndoManager um = new UndoManager(text, new UndoManagerOptions().captureTimeout(Long.MAX_VALUE));
    List<String> events = new ArrayList<>();
    um.onStackItemAdded((e, m) -> events.add("added:" + e.type));
    um.onStackItemUpdated((e, m) -> events.add("updated:" + e.type));
    text.insert(0, "a");
    text.insert(1, "b");
    assertEquals(List.of("added:undo", "updated:undo"), events);
    assertEquals(1, um.undoStack.size());
    um.undo();
    assertEquals("", text.toString());
  }

  @Test
  void undoingFillsTheRedoStackAndPopsCarryTheirKind() {
    Doc doc = new Doc();
    YArray<Object> arr = doc.getArray("a");
    UndoManager um = new UndoManager(arr);
    List<String> events = new ArrayList<>();
    um.onStackItemAdded((e, m) -> events.add("added:" + e.type));
    um.onStackItemPopped((e, m) -> {
      events.add("popped:" + e.type);
      assertSame(um, e.origin);
      assertTrue(e.changedParentTypes.containsKey(arr));
    });
    arr.insert(0, list(1));
    UndoManager.StackItem undone = um.undo();
    assertTrue(undone != null);
    assertTrue(um.canRedo());
    assertFalse(um.canUndo());
    um.redo();
    assertEquals(List.of("added:undo", "added:redo", "popped:undo", "added:undo", "popped:redo"), events);
    assertEquals(1, arr.length());
  }

  @Test
  void undoWithNothingToUndoReturnsNull() {
    Doc doc = new Doc();
    UndoManager um = new UndoManager(doc.getText("t"));
    assertNull(um.undo());
    assertNull(um.redo());
  }

  @Test
  void aNewChangeClearsTheRedoStack() {
    Doc doc = new Doc();
    YText text = doc.getText("t");
    UndoManager um = new UndoManager(text);
    List<String> cleared = new ArrayList<>();
    um.onStackCleared(e -> cleared.add(e.undoStackCleared + "/" + e.redoStackCleared));
    text.insert(0, "a");
    um.undo();
    assertTrue(um.canRedo());
    text.insert(0, "b");
    assertFalse(um.canRedo());
    assertEquals(List.of("false/true"), cleared);
    um.clear();
    assertFalse(um.canUndo());
    assertEquals(List.of("false/true", "true/true"), cleared);
    um.clear(); // nothing left: no event
    assertEquals(2, cleared.size());
  }

  @Test
  void clearedItemsMayBeGarbageCollectedAgain() {
    Doc doc = new Doc();
    YText text = doc.getText("t");
    UndoManager um = new UndoManager(text);
    text.insert(0, "abc");
    um.stopCapturing();
    text.delete(0, 3);
    // the deleted items are kept for undo
    Item first = text._start;
    assertTrue(first.keep());
    um.clear();
    assertFalse(first.keep());
  }

  @Test
  void captureTransactionFiltersTransactions() {
    Doc doc = new Doc();
    YText text = doc.getText("t");
    UndoManager um = new UndoManager(text, new UndoManagerOptions()
        .captureTransaction(tr -> !"skip".equals(tr.meta().get("tag"))));
    doc.transact(tr -> {
      tr.meta().put("tag", "skip");
      text.insert(0, "x");
    });
    assertFalse(um.canUndo());
    text.insert(0, "y");
    assertTrue(um.canUndo());
  }

  @Test
  void trackedOriginsCanChange() {
    Doc doc = new Doc();
    YText text = doc.getText("t");
    UndoManager um = new UndoManager(text);
    doc.transact(tr -> text.insert(0, "a"), "remote");
    assertFalse(um.canUndo(), "origin not tracked");
    um.addTrackedOrigin("remote");
    doc.transact(tr -> text.insert(0, "b"), "remote");
    assertTrue(um.canUndo());
    um.clear();
    um.removeTrackedOrigin("remote");
    doc.transact(tr -> text.insert(0, "c"), "remote");
    assertFalse(um.canUndo());
  }

  @Test
  void changesOutsideTheScopeAreNotCaptured() {
    Doc doc = new Doc();
    YText inScope = doc.getText("in");
    YText outside = doc.getText("out");
    UndoManager um = new UndoManager(inScope);
    outside.insert(0, "x");
    assertFalse(um.canUndo());
    um.addToScope(outside);
    outside.insert(0, "y");
    assertTrue(um.canUndo());
    um.undo();
    assertEquals("x", outside.toString());
  }

  @Test
  void destroyStopsCapturing() {
    Doc doc = new Doc();
    YText text = doc.getText("t");
    UndoManager um = new UndoManager(text);
    um.destroy();
    text.insert(0, "a");
    assertFalse(um.canUndo());
    assertFalse(um.trackedOrigins.contains(um));
  }

  @Test
  void destroyingTheDocDestroysTheUndoManager() {
    Doc doc = new Doc();
    UndoManager um = new UndoManager(doc.getText("t"));
    doc.destroy();
    assertFalse(um.trackedOrigins.contains(um));
  }

  @Test
  void undoReturnsTheStackItemWithItsMeta() {
    Doc doc = new Doc();
    YMap<Object> map = doc.getMap("m");
    UndoManager um = new UndoManager(map);
    um.onStackItemAdded((e, m) -> e.stackItem.meta.putIfAbsent("cursor", 3));
    map.set("k", "v");
    UndoManager.StackItem item = um.undo();
    assertEquals(3, item.meta.get("cursor"));
    assertTrue(map.get("k") == null);
  }
}
