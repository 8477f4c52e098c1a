package org.pledgepad.crdt;

// Follows yjs/tests/y-array.tests.js (yjs v13.6.31).

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pledgepad.crdt.YjsTestHelper.applyRandomTests;
import static org.pledgepad.crdt.YjsTestHelper.compare;
import static org.pledgepad.crdt.YjsTestHelper.compareValues;
import static org.pledgepad.crdt.YjsTestHelper.fails;
import static org.pledgepad.crdt.YjsTestHelper.init;
import static org.pledgepad.crdt.YjsTestHelper.js;
import static org.pledgepad.crdt.YjsTestHelper.list;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pledgepad.crdt.YjsTestHelper.Mod;
import org.pledgepad.crdt.YjsTestHelper.Result;
import org.pledgepad.crdt.YjsTestHelper.Tc;

@ExtendWith(YjsTestHelper.SeedExtension.class)
class YArrayYjsTest {

  @Test
  void testBasicUpdate() {
    Doc doc1 = new Doc();
    Doc doc2 = new Doc();
    doc1.getArray("array").insert(0, list("hi"));
    byte[] update = Y.encodeStateAsUpdate(doc1);
    Y.applyUpdate(doc2, update);
    compareValues(doc2.getArray("array").toArray(), list("hi"));
  }

  @Test
  void testSlice() {
    Doc doc1 = new Doc();
    YArray<Object> arr = doc1.getArray("array");
    arr.insert(0, list(1, 2, 3));
    compareValues(arr.slice(0), list(1, 2, 3));
    compareValues(arr.slice(1), list(2, 3));
    compareValues(arr.slice(0, -1), list(1, 2));
    arr.insert(0, list(0));
    compareValues(arr.slice(0), list(0, 1, 2, 3));
    compareValues(arr.slice(0, 2), list(0, 1));
  }

  @Test
  void testArrayFrom() {
    Doc doc1 = new Doc();
    YMap<Object> db1 = doc1.getMap("root");
    YArray<Object> nestedArray1 = YArray.from(list(0, 1, 2));
    db1.set("array", nestedArray1);
    compareValues(nestedArray1.toArray(), list(0, 1, 2));
  }

  /** Debugging yjs#297 - a critical bug connected to the search-marker approach. */
  @Test
  void testLengthIssue() {
    Doc doc1 = new Doc();
    YArray<Object> arr = doc1.getArray("array");
    arr.push(list(0, 1, 2, 3));
    arr.delete(0);
    arr.insert(0, list(0));
    assertEquals(arr.length(), arr.toArray().size());
    doc1.transact(tr -> {
      arr.delete(1);
      assertEquals(arr.length(), arr.toArray().size());
      arr.insert(1, list(1));
      assertEquals(arr.length(), arr.toArray().size());
      arr.delete(2);
      assertEquals(arr.length(), arr.toArray().size());
      arr.insert(2, list(2));
      assertEquals(arr.length(), arr.toArray().size());
    });
    assertEquals(arr.length(), arr.toArray().size());
    arr.delete(1);
    assertEquals(arr.length(), arr.toArray().size());
    arr.insert(1, list(1));
    assertEquals(arr.length(), arr.toArray().size());
  }

  /** Debugging yjs#314. */
  @Test
  void testLengthIssue2() {
    Doc doc = new Doc();
    YArray<Object> next = doc.getArray("");
    doc.transact(tr -> next.insert(0, list("group2")));
    doc.transact(tr -> next.insert(1, list("rectangle3")));
    doc.transact(tr -> {
      next.delete(0);
      next.insert(0, list("rectangle3"));
    });
    next.delete(1);
    doc.transact(tr -> next.insert(1, list("ellipse4")));
    doc.transact(tr -> next.insert(2, list("ellipse3")));
    doc.transact(tr -> next.insert(3, list("ellipse2")));
    doc.transact(tr -> {
      doc.transact(tr2 -> {
        fails(() -> next.insert(5, list("rectangle2")));
        next.insert(4, list("rectangle2"));
      });
      doc.transact(tr2 -> {
        // this should not throw an error message
        next.delete(4);
      });
    });
    compareValues(next.toArray(), list("rectangle3", "ellipse4", "ellipse3", "ellipse2"));
  }

  @Test
  void testDeleteInsert(Tc tc) {
    Result<Object> r = init(tc, 2);
    r.array0.delete(0, 0);
    // Does not throw when deleting zero elements with position 0
    fails(() -> r.array0.delete(1, 1));
    r.array0.insert(0, list("A"));
    r.array0.delete(1, 0);
    // Does not throw when deleting zero elements with valid position 1
    compare(r.users);
  }

  @Test
  void testInsertThreeElementsTryRegetProperty(Tc tc) {
    Result<Object> r = init(tc, 2);
    r.array0.insert(0, list(1, true, false));
    compareValues(r.array0.toJSON(), list(1, true, false), ".toJSON() works");
    r.testConnector.flushAllMessages();
    compareValues(r.array1.toJSON(), list(1, true, false), ".toJSON() works after sync");
    compare(r.users);
  }

  @Test
  void testConcurrentInsertWithThreeConflicts(Tc tc) {
    Result<Object> r = init(tc, 3);
    r.array0.insert(0, list(0));
    r.array1.insert(0, list(1));
    r.array2.insert(0, list(2));
    compare(r.users);
  }

  @Test
  void testConcurrentInsertDeleteWithThreeConflicts(Tc tc) {
    Result<Object> r = init(tc, 3);
    r.array0.insert(0, list("x", "y", "z"));
    r.testConnector.flushAllMessages();
    r.array0.insert(1, list(0));
    r.array1.delete(0);
    r.array1.delete(1, 1);
    r.array2.insert(1, list(2));
    compare(r.users);
  }

  @Test
  void testInsertionsInLateSync(Tc tc) {
    Result<Object> r = init(tc, 3);
    r.array0.insert(0, list("x", "y"));
    r.testConnector.flushAllMessages();
    r.users.get(1).disconnect();
    r.users.get(2).disconnect();
    r.array0.insert(1, list("user0"));
    r.array1.insert(1, list("user1"));
    r.array2.insert(1, list("user2"));
    r.users.get(1).connect();
    r.users.get(2).connect();
    r.testConnector.flushAllMessages();
    compare(r.users);
  }

  @Test
  void testDisconnectReallyPreventsSendingMessages(Tc tc) {
    Result<Object> r = init(tc, 3);
    r.array0.insert(0, list("x", "y"));
    r.testConnector.flushAllMessages();
    r.users.get(1).disconnect();
    r.users.get(2).disconnect();
    r.array0.insert(1, list("user0"));
    r.array1.insert(1, list("user1"));
    compareValues(r.array0.toJSON(), list("x", "user0", "y"));
    compareValues(r.array1.toJSON(), list("x", "user1", "y"));
    r.users.get(1).connect();
    r.users.get(2).connect();
    compare(r.users);
  }

  @Test
  void testDeletionsInLateSync(Tc tc) {
    Result<Object> r = init(tc, 2);
    r.array0.insert(0, list("x", "y"));
    r.testConnector.flushAllMessages();
    r.users.get(1).disconnect();
    r.array1.delete(1, 1);
    r.array0.delete(0, 2);
    r.users.get(1).connect();
    compare(r.users);
  }

  @Test
  void testInsertThenMergeDeleteOnSync(Tc tc) {
    Result<Object> r = init(tc, 2);
    r.array0.insert(0, list("x", "y", "z"));
    r.testConnector.flushAllMessages();
    r.users.get(0).disconnect();
    r.array1.delete(0, 3);
    r.users.get(0).connect();
    compare(r.users);
  }

  @Test
  void testInsertAndDeleteEvents(Tc tc) {
    Result<Object> r = init(tc, 2);
    Object[] event = {null};
    r.array0.observe((e, tr) -> event[0] = e);
    r.array0.insert(0, list(0, 1, 2));
    assertNotNull(event[0]);
    event[0] = null;
    r.array0.delete(0);
    assertNotNull(event[0]);
    event[0] = null;
    r.array0.delete(0, 2);
    assertNotNull(event[0]);
    event[0] = null;
    compare(r.users);
  }

  @Test
  void testNestedObserverEvents(Tc tc) {
    Result<Object> r = init(tc, 2);
    List<Object> vals = new ArrayList<>();
    r.array0.observe((e, tr) -> {
      if (r.array0.length() == 1) {
        // inserting, will call this observer again after this handler finished
        r.array0.insert(1, list(1));
        vals.add(0);
      } else {
        vals.add(1);
      }
    });
    r.array0.insert(0, list(0));
    compareValues(vals, list(0, 1));
    compareValues(r.array0.toArray(), list(0, 1));
    compare(r.users);
  }

  @Test
  void testInsertAndDeleteEventsForTypes(Tc tc) {
    Result<Object> r = init(tc, 2);
    Object[] event = {null};
    r.array0.observe((e, tr) -> event[0] = e);
    r.array0.insert(0, list(new YArray<Object>()));
    assertNotNull(event[0]);
    event[0] = null;
    r.array0.delete(0);
    assertNotNull(event[0]);
    event[0] = null;
    compare(r.users);
  }

  /** Deep observers must fire top-level events first so that event paths are correct. */
  @Test
  void testObserveDeepEventOrder(Tc tc) {
    Result<Object> r = init(tc, 2);
    List<List<YEvent<?>>> events = new ArrayList<>();
    events.add(new ArrayList<>());
    r.array0.observeDeep((e, tr) -> events.set(0, e));
    r.array0.insert(0, list(new YMap<Object>()));
    r.users.get(0).transact(tr -> {
      ((YMap<Object>) r.array0.get(0)).set("a", "a");
      r.array0.insert(0, list(0));
    });
    List<YEvent<?>> evs = events.get(0);
    for (int i = 1; i < evs.size(); i++) {
      assertTrue(evs.get(i - 1).path().size() <= evs.get(i).path().size(),
          "path size increases, fire top-level events first");
    }
  }

  /** Correct index when computing event.path in observeDeep - yjs#457. */
  @Test
  @SuppressWarnings("unchecked")
  void testObservedeepIndexes() {
    Doc doc = new Doc();
    YMap<Object> map = doc.getMap("");
    map.set("my-array", new YArray<Object>());
    ((YArray<Object>) map.get("my-array")).push(list("a", "b", "c", new YMap<Object>()));
    List<Object> eventPath = new ArrayList<>();
    map.observeDeep((events, tr) -> {
      eventPath.clear();
      eventPath.addAll(events.get(0).path());
    });
    ((YMap<Object>) ((YArray<Object>) map.get("my-array")).get(3)).set("hello", "world");
    compareValues(eventPath, list("my-array", 3));
  }

  @Test
  void testChangeEvent(Tc tc) {
    Result<Object> r = init(tc, 2);
    YEvent.Changes[] changes = {null};
    r.array0.observe((e, tr) -> changes[0] = e.changes());
    YArray<Object> newArr = new YArray<>();
    r.array0.insert(0, list(newArr, 4, "dtrn"));
    assertTrue(changes[0] != null && changes[0].added.size() == 2 && changes[0].deleted.size() == 0);
    compareValues(changes[0].delta, list(java.util.Map.of("insert", list(newArr, 4, "dtrn"))));
    changes[0] = null;
    r.array0.delete(0, 2);
    assertTrue(changes[0] != null && changes[0].added.size() == 0 && changes[0].deleted.size() == 2);
    compareValues(changes[0].delta, js("[{ delete: 2 }]"));
    changes[0] = null;
    r.array0.insert(1, list(0.1));
    assertTrue(changes[0] != null && changes[0].added.size() == 1 && changes[0].deleted.size() == 0);
    compareValues(changes[0].delta, js("[{ retain: 1 }, { insert: [0.1] }]"));
    compare(r.users);
  }

  @Test
  void testInsertAndDeleteEventsForTypes2(Tc tc) {
    Result<Object> r = init(tc, 2);
    List<Object> events = new ArrayList<>();
    r.array0.observe((e, tr) -> events.add(e));
    r.array0.insert(0, list("hi", new YMap<Object>()));
    assertEquals(1, events.size(), "Event is triggered exactly once for insertion of two elements");
    r.array0.delete(1);
    assertEquals(2, events.size(), "Event is triggered exactly once for deletion");
    compare(r.users);
  }

  /** yjs#155. */
  @Test
  void testNewChildDoesNotEmitEventInTransaction(Tc tc) {
    Result<Object> r = init(tc, 2);
    boolean[] fired = {false};
    r.users.get(0).transact(tr -> {
      YMap<Object> newMap = new YMap<>();
      newMap.observe((e, t) -> fired[0] = true);
      r.array0.insert(0, list(newMap));
      newMap.set("tst", 42);
    });
    assertTrue(!fired[0], "Event does not trigger");
  }

  @Test
  void testGarbageCollector(Tc tc) {
    Result<Object> r = init(tc, 3);
    r.array0.insert(0, list("x", "y", "z"));
    r.testConnector.flushAllMessages();
    r.users.get(0).disconnect();
    r.array0.delete(0, 3);
    r.users.get(0).connect();
    r.testConnector.flushAllMessages();
    compare(r.users);
  }

  @Test
  void testEventTargetIsSetCorrectlyOnLocal(Tc tc) {
    Result<Object> r = init(tc, 3);
    YEvent<?>[] event = {null};
    r.array0.observe((e, tr) -> event[0] = e);
    r.array0.insert(0, list("stuff"));
    assertSame(r.array0, event[0].target, "\"target\" property is set correctly");
    compare(r.users);
  }

  @Test
  void testEventTargetIsSetCorrectlyOnRemote(Tc tc) {
    Result<Object> r = init(tc, 3);
    YEvent<?>[] event = {null};
    r.array0.observe((e, tr) -> event[0] = e);
    r.array1.insert(0, list("stuff"));
    r.testConnector.flushAllMessages();
    assertSame(r.array0, event[0].target, "\"target\" property is set correctly");
    compare(r.users);
  }

  @Test
  @SuppressWarnings("unchecked")
  void testIteratingArrayContainingTypes() {
    Doc y = new Doc();
    YArray<Object> arr = y.getArray("arr");
    int numItems = 10;
    for (int i = 0; i < numItems; i++) {
      YMap<Object> map = new YMap<>();
      map.set("value", i);
      arr.push(list(map));
    }
    int cnt = 0;
    for (Object item : arr) {
      compareValues(((YMap<Object>) item).get("value"), cnt++, "value is correct");
    }
    y.destroy();
  }

  private static int uniqueNumber = 0;

  private static int getUniqueNumber() {
    return uniqueNumber++;
  }

  static final List<Mod<Object>> arrayTransactions = List.of(
      // insert
      (user, gen, o) -> {
        YArray<Object> yarray = user.getArray("array");
        int uniqueNumber = getUniqueNumber();
        List<Object> content = new ArrayList<>();
        int len = gen.int32(1, 4);
        for (int i = 0; i < len; i++) {
          content.add(uniqueNumber);
        }
        int pos = gen.int32(0, yarray.length());
        List<Object> oldContent = new ArrayList<>(yarray.toArray());
        yarray.insert(pos, content);
        oldContent.addAll(pos, content);
        // fast-search markers must insert at the correct position
        compareValues(yarray.toArray(), oldContent);
      },
      // insertTypeArray
      (user, gen, o) -> {
        YArray<Object> yarray = user.getArray("array");
        int pos = gen.int32(0, yarray.length());
        yarray.insert(pos, list(new YArray<Object>()));
        @SuppressWarnings("unchecked")
        YArray<Object> array2 = (YArray<Object>) yarray.get(pos);
        array2.insert(0, list(1, 2, 3, 4));
      },
      // insertTypeMap
      (user, gen, o) -> {
        YArray<Object> yarray = user.getArray("array");
        int pos = gen.int32(0, yarray.length());
        yarray.insert(pos, list(new YMap<Object>()));
        @SuppressWarnings("unchecked")
        YMap<Object> map = (YMap<Object>) yarray.get(pos);
        map.set("someprop", 42);
        map.set("someprop", 43);
        map.set("someprop", 44);
      },
      // insertTypeNull
      (user, gen, o) -> {
        YArray<Object> yarray = user.getArray("array");
        int pos = gen.int32(0, yarray.length());
        yarray.insert(pos, list((Object) null));
      },
      // _delete
      (user, gen, o) -> {
        YArray<Object> yarray = user.getArray("array");
        int length = yarray.length();
        if (length > 0) {
          int somePos = gen.int32(0, length - 1);
          int delLength = gen.int32(1, Math.min(2, length - somePos));
          if (gen.bool()) {
            Object type = yarray.get(somePos);
            if (type instanceof YArray && ((YArray<?>) type).length() > 0) {
              YArray<?> ta = (YArray<?>) type;
              somePos = gen.int32(0, ta.length() - 1);
              delLength = gen.int32(0, Math.min(2, ta.length() - somePos));
              ta.delete(somePos, delLength);
            }
          } else {
            List<Object> oldContent = new ArrayList<>(yarray.toArray());
            yarray.delete(somePos, delLength);
            oldContent.subList(somePos, somePos + delLength).clear();
            compareValues(yarray.toArray(), oldContent);
          }
        }
      });

  @Test void testRepeatGeneratingYarrayTests6(Tc tc) { applyRandomTests(tc, arrayTransactions, 6); }
  @Test void testRepeatGeneratingYarrayTests40(Tc tc) { applyRandomTests(tc, arrayTransactions, 40); }
  @Test void testRepeatGeneratingYarrayTests42(Tc tc) { applyRandomTests(tc, arrayTransactions, 42); }
  @Test void testRepeatGeneratingYarrayTests43(Tc tc) { applyRandomTests(tc, arrayTransactions, 43); }
  @Test void testRepeatGeneratingYarrayTests44(Tc tc) { applyRandomTests(tc, arrayTransactions, 44); }
  @Test void testRepeatGeneratingYarrayTests45(Tc tc) { applyRandomTests(tc, arrayTransactions, 45); }
  @Test void testRepeatGeneratingYarrayTests46(Tc tc) { applyRandomTests(tc, arrayTransactions, 46); }
  @Test void testRepeatGeneratingYarrayTests300(Tc tc) { applyRandomTests(tc, arrayTransactions, 300); }
  @Test @Tag("slow") void testRepeatGeneratingYarrayTests400(Tc tc) { applyRandomTests(tc, arrayTransactions, 400); }
  @Test @Tag("slow") void testRepeatGeneratingYarrayTests500(Tc tc) { applyRandomTests(tc, arrayTransactions, 500); }
  @Test @Tag("slow") void testRepeatGeneratingYarrayTests600(Tc tc) { applyRandomTests(tc, arrayTransactions, 600); }
  @Test @Tag("slow") void testRepeatGeneratingYarrayTests1000(Tc tc) { applyRandomTests(tc, arrayTransactions, 1000); }
  @Test @Tag("slow") void testRepeatGeneratingYarrayTests1800(Tc tc) { applyRandomTests(tc, arrayTransactions, 1800); }
  // Yjs runs the 3000/5000/30000 variants only in production mode; ours are slow-tagged, and the
  // 30000 variant runs 8000 iterations: the test is quadratic (every op copies the array, every
  // reconnect syncs the whole document), 30000 takes minutes on two cores.
  @Test @Tag("slow") void testRepeatGeneratingYarrayTests3000(Tc tc) { applyRandomTests(tc, arrayTransactions, 3000); }
  @Test @Tag("slow") void testRepeatGeneratingYarrayTests5000(Tc tc) { applyRandomTests(tc, arrayTransactions, 5000); }
  @Test @Tag("slow") void testRepeatGeneratingYarrayTests30000(Tc tc) { applyRandomTests(tc, arrayTransactions, 8000); }
}
