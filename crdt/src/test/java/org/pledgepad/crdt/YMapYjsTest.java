package org.pledgepad.crdt;

// Follows yjs/tests/y-map.tests.js (yjs v13.6.31).

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pledgepad.crdt.YjsTestHelper.applyRandomTests;
import static org.pledgepad.crdt.YjsTestHelper.compare;
import static org.pledgepad.crdt.YjsTestHelper.compareValues;
import static org.pledgepad.crdt.YjsTestHelper.fails;
import static org.pledgepad.crdt.YjsTestHelper.init;
import static org.pledgepad.crdt.YjsTestHelper.js;
import static org.pledgepad.crdt.YjsTestHelper.list;
import static org.pledgepad.crdt.YjsTestHelper.toList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pledgepad.crdt.YjsTestHelper.Mod;
import org.pledgepad.crdt.YjsTestHelper.Result;
import org.pledgepad.crdt.YjsTestHelper.Tc;
import org.pledgepad.crdt.lib0.Undefined;

@ExtendWith(YjsTestHelper.SeedExtension.class)
@SuppressWarnings("unchecked")
class YMapYjsTest {

  private static boolean isUndefined(Object v) {
    return v == null || v == Undefined.INSTANCE;
  }

  @Test
  void testIterators() {
    Doc ydoc = new Doc();
    YMap<Object> ymap = ydoc.getMap();
    // only checks that the iterators exist and are empty
    assertEquals(0, toList(ymap.values()).size());
    assertEquals(0, toList(ymap.entries()).size());
    assertEquals(0, toList(ymap.keys()).size());
  }

  /** Computing event changes after the transaction fails, see yjs#539 (here: no event at all). */
  @Test
  void testMapEventError() {
    Doc doc = new Doc();
    YMap<Object> ymap = doc.getMap();
    YMapEvent[] event = {null};
    ymap.observe((e, tr) -> event[0] = (YMapEvent) e);
    fails(() -> event[0].keys());
    fails(() -> event[0].keys());
  }

  @Test
  void testMapHavingIterableAsConstructorParamTests(Tc tc) {
    Result<Object> r = init(tc, 1);
    Map<String, Object> e1 = new LinkedHashMap<>();
    e1.put("number", 1);
    e1.put("string", "hello");
    YMap<Object> m1 = new YMap<>(e1);
    r.map0.set("m1", m1);
    compareValues(m1.get("number"), 1);
    assertEquals("hello", m1.get("string"));
    Map<String, Object> e2 = new LinkedHashMap<>();
    e2.put("object", js("{ x: 1 }"));
    e2.put("boolean", true);
    YMap<Object> m2 = new YMap<>(e2);
    r.map0.set("m2", m2);
    compareValues(((Map<String, Object>) m2.get("object")).get("x"), 1);
    assertEquals(true, m2.get("boolean"));
    Map<String, Object> e3 = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m1) {
      e3.put(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Object> e : m2) {
      e3.put(e.getKey(), e.getValue());
    }
    YMap<Object> m3 = new YMap<>(e3);
    r.map0.set("m3", m3);
    compareValues(m3.get("number"), 1);
    assertEquals("hello", m3.get("string"));
    compareValues(((Map<String, Object>) m3.get("object")).get("x"), 1);
    assertEquals(true, m3.get("boolean"));
  }

  @Test
  void testBasicMapTests(Tc tc) {
    Result<Object> r = init(tc, 3);
    r.users.get(2).disconnect();
    r.map0.set("null", null);
    r.map0.set("number", 1);
    r.map0.set("string", "hello Y");
    r.map0.set("object", js("{ key: { key2: 'value' } }"));
    r.map0.set("y-map", new YMap<Object>());
    r.map0.set("boolean1", true);
    r.map0.set("boolean0", false);
    YMap<Object> map = (YMap<Object>) r.map0.get("y-map");
    map.set("y-array", new YArray<Object>());
    YArray<Object> array = (YArray<Object>) map.get("y-array");
    array.insert(0, list(0));
    array.insert(0, list(-1));

    for (int u = 0; u < 3; u++) {
      if (u == 1) {
        r.users.get(2).connect();
        r.testConnector.flushAllMessages();
      }
      YMap<Object> m = r.map.get(u);
      String who = "client " + u;
      assertNull(m.get("null"), who + " (null)");
      compareValues(m.get("number"), 1, who + " (number)");
      assertEquals("hello Y", m.get("string"), who + " (string)");
      assertEquals(false, m.get("boolean0"), who + " (boolean)");
      assertEquals(true, m.get("boolean1"), who + " (boolean)");
      compareValues(m.get("object"), js("{ key: { key2: 'value' } }"), who + " (object)");
      compareValues(((YArray<Object>) ((YMap<Object>) m.get("y-map")).get("y-array")).get(0), -1, who + " (type)");
      if (u < 2) {
        assertEquals(7, m.size(), who + " map has correct size");
      }
    }
    compare(r.users);
  }

  @Test
  void testGetAndSetOfMapProperty(Tc tc) {
    Result<Object> r = init(tc, 2);
    r.map0.set("stuff", "stuffy");
    r.map0.set("undefined", Undefined.INSTANCE);
    r.map0.set("null", null);
    assertEquals("stuffy", r.map0.get("stuff"));
    r.testConnector.flushAllMessages();
    for (Doc user : r.users) {
      YMap<Object> u = user.getMap("map");
      assertEquals("stuffy", u.get("stuff"));
      assertTrue(isUndefined(u.get("undefined")), "undefined");
      assertNull(u.get("null"), "null");
    }
    compare(r.users);
  }

  @Test
  void testYmapSetsYmap(Tc tc) {
    Result<Object> r = init(tc, 2);
    YMap<Object> map = r.map0.set("Map", new YMap<Object>());
    assertSame(map, r.map0.get("Map"));
    map.set("one", 1);
    compareValues(map.get("one"), 1);
    compare(r.users);
  }

  @Test
  void testYmapSetsYarray(Tc tc) {
    Result<Object> r = init(tc, 2);
    YArray<Object> array = r.map0.set("Array", new YArray<Object>());
    assertSame(array, r.map0.get("Array"));
    array.insert(0, list(1, 2, 3));
    compareValues(r.map0.toJSON(), js("{ Array: [1, 2, 3] }"));
    compare(r.users);
  }

  @Test
  void testGetAndSetOfMapPropertySyncs(Tc tc) {
    Result<Object> r = init(tc, 2);
    r.map0.set("stuff", "stuffy");
    assertEquals("stuffy", r.map0.get("stuff"));
    r.testConnector.flushAllMessages();
    for (Doc user : r.users) {
      assertEquals("stuffy", user.getMap("map").get("stuff"));
    }
    compare(r.users);
  }

  @Test
  void testGetAndSetOfMapPropertyWithConflict(Tc tc) {
    Result<Object> r = init(tc, 3);
    r.map0.set("stuff", "c0");
    r.map1.set("stuff", "c1");
    r.testConnector.flushAllMessages();
    for (Doc user : r.users) {
      assertEquals("c1", user.getMap("map").get("stuff"));
    }
    compare(r.users);
  }

  @Test
  void testSizeAndDeleteOfMapProperty(Tc tc) {
    Result<Object> r = init(tc, 1);
    r.map0.set("stuff", "c0");
    r.map0.set("otherstuff", "c1");
    assertEquals(2, r.map0.size());
    r.map0.delete("stuff");
    assertEquals(1, r.map0.size());
    r.map0.delete("otherstuff");
    assertEquals(0, r.map0.size());
  }

  @Test
  void testGetAndSetAndDeleteOfMapProperty(Tc tc) {
    Result<Object> r = init(tc, 3);
    r.map0.set("stuff", "c0");
    r.map1.set("stuff", "c1");
    r.map1.delete("stuff");
    r.testConnector.flushAllMessages();
    for (Doc user : r.users) {
      assertTrue(isUndefined(user.getMap("map").get("stuff")));
    }
    compare(r.users);
  }

  @Test
  void testSetAndClearOfMapProperties(Tc tc) {
    Result<Object> r = init(tc, 1);
    r.map0.set("stuff", "c0");
    r.map0.set("otherstuff", "c1");
    r.map0.clear();
    r.testConnector.flushAllMessages();
    for (Doc user : r.users) {
      YMap<Object> u = user.getMap("map");
      assertTrue(isUndefined(u.get("stuff")));
      assertTrue(isUndefined(u.get("otherstuff")));
      assertEquals(0, u.size());
    }
    compare(r.users);
  }

  @Test
  void testSetAndClearOfMapPropertiesWithConflicts(Tc tc) {
    Result<Object> r = init(tc, 4);
    r.map0.set("stuff", "c0");
    r.map1.set("stuff", "c1");
    r.map1.set("stuff", "c2");
    r.map2.set("stuff", "c3");
    r.testConnector.flushAllMessages();
    r.map0.set("otherstuff", "c0");
    r.map1.set("otherstuff", "c1");
    r.map2.set("otherstuff", "c2");
    r.map3.set("otherstuff", "c3");
    r.map3.clear();
    r.testConnector.flushAllMessages();
    for (Doc user : r.users) {
      YMap<Object> u = user.getMap("map");
      assertTrue(isUndefined(u.get("stuff")));
      assertTrue(isUndefined(u.get("otherstuff")));
      assertEquals(0, u.size());
    }
    compare(r.users);
  }

  @Test
  void testGetAndSetOfMapPropertyWithThreeConflicts(Tc tc) {
    Result<Object> r = init(tc, 3);
    r.map0.set("stuff", "c0");
    r.map1.set("stuff", "c1");
    r.map1.set("stuff", "c2");
    r.map2.set("stuff", "c3");
    r.testConnector.flushAllMessages();
    for (Doc user : r.users) {
      assertEquals("c3", user.getMap("map").get("stuff"));
    }
    compare(r.users);
  }

  @Test
  void testGetAndSetAndDeleteOfMapPropertyWithThreeConflicts(Tc tc) {
    Result<Object> r = init(tc, 4);
    r.map0.set("stuff", "c0");
    r.map1.set("stuff", "c1");
    r.map1.set("stuff", "c2");
    r.map2.set("stuff", "c3");
    r.testConnector.flushAllMessages();
    r.map0.set("stuff", "deleteme");
    r.map1.set("stuff", "c1");
    r.map2.set("stuff", "c2");
    r.map3.set("stuff", "c3");
    r.map3.delete("stuff");
    r.testConnector.flushAllMessages();
    for (Doc user : r.users) {
      assertTrue(isUndefined(user.getMap("map").get("stuff")));
    }
    compare(r.users);
  }

  @Test
  void testObserveDeepProperties(Tc tc) {
    Result<Object> r = init(tc, 4);
    YMap<Object> map1 = r.map1;
    YMap<Object> _map1 = map1.set("map", new YMap<Object>());
    int[] calls = {0};
    ID[] dmapid = {null};
    map1.observeDeep((events, tr) -> {
      for (YEvent<?> event : events) {
        calls[0]++;
        assertTrue(((YMapEvent) event).keysChanged.contains("deepmap"));
        assertEquals(1, event.path().size());
        assertEquals("map", event.path().get(0));
        dmapid[0] = ((YMap<Object>) ((YMap<Object>) event.target).get("deepmap"))._item.id();
      }
    });
    r.testConnector.flushAllMessages();
    YMap<Object> _map3 = (YMap<Object>) r.map3.get("map");
    _map3.set("deepmap", new YMap<Object>());
    r.testConnector.flushAllMessages();
    YMap<Object> _map2 = (YMap<Object>) r.map2.get("map");
    _map2.set("deepmap", new YMap<Object>());
    r.testConnector.flushAllMessages();
    YMap<Object> dmap1 = (YMap<Object>) _map1.get("deepmap");
    YMap<Object> dmap2 = (YMap<Object>) _map2.get("deepmap");
    YMap<Object> dmap3 = (YMap<Object>) _map3.get("deepmap");
    assertTrue(calls[0] > 0);
    assertTrue(ID.compareIDs(dmap1._item.id(), dmap2._item.id()));
    assertTrue(ID.compareIDs(dmap1._item.id(), dmap3._item.id()));
    assertTrue(ID.compareIDs(dmap1._item.id(), dmapid[0]));
    compare(r.users);
  }

  @Test
  void testObserversUsingObservedeep(Tc tc) {
    Result<Object> r = init(tc, 2);
    List<Object> paths = new ArrayList<>();
    int[] calls = {0};
    r.map0.observeDeep((events, tr) -> {
      for (YEvent<?> event : events) {
        paths.add(event.path());
      }
      calls[0]++;
    });
    r.map0.set("map", new YMap<Object>());
    ((YMap<Object>) r.map0.get("map")).set("array", new YArray<Object>());
    ((YArray<Object>) ((YMap<Object>) r.map0.get("map")).get("array")).insert(0, list("content"));
    assertEquals(3, calls[0]);
    compareValues(paths, js("[[], ['map'], ['map', 'array']]"));
    compare(r.users);
  }

  @Test
  void testPathsOfSiblingEvents(Tc tc) {
    Result<Object> r = init(tc, 2);
    List<Object> paths = new ArrayList<>();
    int[] calls = {0};
    Doc doc = r.users.get(0);
    r.map0.set("map", new YMap<Object>());
    ((YMap<Object>) r.map0.get("map")).set("text1", new YText("initial"));
    r.map0.observeDeep((events, tr) -> {
      for (YEvent<?> event : events) {
        paths.add(event.path());
      }
      calls[0]++;
    });
    doc.transact(tr -> {
      ((YText) ((YMap<Object>) r.map0.get("map")).get("text1")).insert(0, "post-");
      ((YMap<Object>) r.map0.get("map")).set("text2", new YText("new"));
    });
    assertEquals(1, calls[0]);
    compareValues(paths, js("[['map'], ['map', 'text1']]"));
    compare(r.users);
  }

  private static void compareMapEvent(YEvent<?> is, AbstractType<?> target, Set<String> keysChanged) {
    assertSame(target, is.target);
    assertEquals(keysChanged, ((YMapEvent) is).keysChanged);
  }

  @Test
  void testThrowsAddAndUpdateAndDeleteEvents(Tc tc) {
    Result<Object> r = init(tc, 2);
    YEvent<?>[] event = {null};
    r.map0.observe((e, tr) -> event[0] = e);
    r.map0.set("stuff", 4);
    compareMapEvent(event[0], r.map0, Set.of("stuff"));
    // update, oldValue is in contents
    r.map0.set("stuff", new YArray<Object>());
    compareMapEvent(event[0], r.map0, Set.of("stuff"));
    // update, oldValue is in opContents
    r.map0.set("stuff", 5);
    // delete
    r.map0.delete("stuff");
    compareMapEvent(event[0], r.map0, Set.of("stuff"));
    compare(r.users);
  }

  @Test
  void testThrowsDeleteEventsOnClear(Tc tc) {
    Result<Object> r = init(tc, 2);
    YEvent<?>[] event = {null};
    r.map0.observe((e, tr) -> event[0] = e);
    r.map0.set("stuff", 4);
    r.map0.set("otherstuff", new YArray<Object>());
    r.map0.clear();
    compareMapEvent(event[0], r.map0, Set.of("stuff", "otherstuff"));
    compare(r.users);
  }

  @Test
  void testChangeEvent(Tc tc) {
    Result<Object> r = init(tc, 2);
    YMap<Object> map0 = r.map0;
    YEvent.Changes[] changes = {null};
    map0.observe((e, tr) -> changes[0] = e.changes());
    map0.set("a", 1);
    YEvent.EventChange keyChange = changes[0].keys.get("a");
    assertTrue(changes[0] != null && keyChange.action.equals("add") && isUndefined(keyChange.oldValue));
    map0.set("a", 2);
    keyChange = changes[0].keys.get("a");
    assertTrue(changes[0] != null && keyChange.action.equals("update"));
    compareValues(keyChange.oldValue, 1);
    r.users.get(0).transact(tr -> {
      map0.set("a", 3);
      map0.set("a", 4);
    });
    keyChange = changes[0].keys.get("a");
    assertTrue(changes[0] != null && keyChange.action.equals("update"));
    compareValues(keyChange.oldValue, 2);
    r.users.get(0).transact(tr -> {
      map0.set("b", 1);
      map0.set("b", 2);
    });
    keyChange = changes[0].keys.get("b");
    assertTrue(changes[0] != null && keyChange.action.equals("add") && isUndefined(keyChange.oldValue));
    r.users.get(0).transact(tr -> {
      map0.set("c", 1);
      map0.delete("c");
    });
    assertTrue(changes[0] != null && changes[0].keys.size() == 0);
    r.users.get(0).transact(tr -> {
      map0.set("d", 1);
      map0.set("d", 2);
    });
    keyChange = changes[0].keys.get("d");
    assertTrue(changes[0] != null && keyChange.action.equals("add") && isUndefined(keyChange.oldValue));
    compare(r.users);
  }

  @Test
  void testYmapEventExceptionsShouldCompleteTransaction() {
    Doc doc = new Doc();
    YMap<Object> map = doc.getMap("map");
    boolean[] updateCalled = {false};
    boolean[] throwingObserverCalled = {false};
    boolean[] throwingDeepObserverCalled = {false};
    doc.onUpdate((u, o, d, tr) -> updateCalled[0] = true);
    map.observe((e, tr) -> {
      throwingObserverCalled[0] = true;
      throw new RuntimeException("Failure");
    });
    map.observeDeep((e, tr) -> {
      throwingDeepObserverCalled[0] = true;
      throw new RuntimeException("Failure");
    });
    fails(() -> map.set("y", "2"));
    assertTrue(updateCalled[0]);
    assertTrue(throwingObserverCalled[0]);
    assertTrue(throwingDeepObserverCalled[0]);
    // check if it works again
    updateCalled[0] = false;
    throwingObserverCalled[0] = false;
    throwingDeepObserverCalled[0] = false;
    fails(() -> map.set("z", "3"));
    assertTrue(updateCalled[0]);
    assertTrue(throwingObserverCalled[0]);
    assertTrue(throwingDeepObserverCalled[0]);
    assertEquals("3", map.get("z"));
  }

  /*
   * Yjs compares event.value with event.target.get(event.name); YMapEvent has neither property,
   * so both sides are undefined there and what the test really checks is that setting a
   * primitive (locally or remotely) fires the observer with the map as target. We check that,
   * plus the value the target now holds.
   */

  @Test
  void testYmapEventHasCorrectValueWhenSettingAPrimitive(Tc tc) {
    Result<Object> r = init(tc, 3);
    YEvent<?>[] event = {null};
    r.map0.observe((e, tr) -> event[0] = e);
    r.map0.set("stuff", 2);
    assertSame(r.map0, event[0].target);
    compareValues(((YMap<Object>) event[0].target).get("stuff"), 2);
    compare(r.users);
  }

  @Test
  void testYmapEventHasCorrectValueWhenSettingAPrimitiveFromOtherUser(Tc tc) {
    Result<Object> r = init(tc, 3);
    YEvent<?>[] event = {null};
    r.map0.observe((e, tr) -> event[0] = e);
    r.map1.set("stuff", 2);
    r.testConnector.flushAllMessages();
    assertSame(r.map0, event[0].target);
    compareValues(((YMap<Object>) event[0].target).get("stuff"), 2);
    compare(r.users);
  }

  static final List<Mod<Object>> mapTransactions = List.of(
      // set
      (user, gen, o) -> {
        String key = gen.oneOf("one", "two");
        String value = gen.utf16String(20);
        user.getMap("map").set(key, value);
      },
      // setType
      (user, gen, o) -> {
        String key = gen.oneOf("one", "two");
        AbstractType<?> type = gen.oneOf(new YArray<Object>(), new YMap<Object>());
        user.getMap("map").set(key, type);
        if (type instanceof YArray) {
          ((YArray<Object>) type).insert(0, list(1, 2, 3, 4));
        } else {
          ((YMap<Object>) type).set("deepkey", "deepvalue");
        }
      },
      // _delete
      (user, gen, o) -> {
        String key = gen.oneOf("one", "two");
        user.getMap("map").delete(key);
      });

  @Test void testRepeatGeneratingYmapTests10(Tc tc) { applyRandomTests(tc, mapTransactions, 3); }
  @Test void testRepeatGeneratingYmapTests40(Tc tc) { applyRandomTests(tc, mapTransactions, 40); }
  @Test void testRepeatGeneratingYmapTests42(Tc tc) { applyRandomTests(tc, mapTransactions, 42); }
  @Test void testRepeatGeneratingYmapTests43(Tc tc) { applyRandomTests(tc, mapTransactions, 43); }
  @Test void testRepeatGeneratingYmapTests44(Tc tc) { applyRandomTests(tc, mapTransactions, 44); }
  @Test void testRepeatGeneratingYmapTests45(Tc tc) { applyRandomTests(tc, mapTransactions, 45); }
  @Test void testRepeatGeneratingYmapTests46(Tc tc) { applyRandomTests(tc, mapTransactions, 46); }
  @Test void testRepeatGeneratingYmapTests300(Tc tc) { applyRandomTests(tc, mapTransactions, 300); }
  @Test @Tag("slow") void testRepeatGeneratingYmapTests400(Tc tc) { applyRandomTests(tc, mapTransactions, 400); }
  @Test @Tag("slow") void testRepeatGeneratingYmapTests500(Tc tc) { applyRandomTests(tc, mapTransactions, 500); }
  @Test @Tag("slow") void testRepeatGeneratingYmapTests600(Tc tc) { applyRandomTests(tc, mapTransactions, 600); }
  @Test @Tag("slow") void testRepeatGeneratingYmapTests1000(Tc tc) { applyRandomTests(tc, mapTransactions, 1000); }
  @Test @Tag("slow") void testRepeatGeneratingYmapTests1800(Tc tc) { applyRandomTests(tc, mapTransactions, 1800); }
  // Yjs runs the 5000+ variants only in production mode; ours are slow-tagged, and the 100000
  // variant runs 15000 iterations (reconnect syncs make the test quadratic; 20000 take ~25 s here).
  @Test @Tag("slow") void testRepeatGeneratingYmapTests5000(Tc tc) { applyRandomTests(tc, mapTransactions, 5000); }
  @Test @Tag("slow") void testRepeatGeneratingYmapTests10000(Tc tc) { applyRandomTests(tc, mapTransactions, 10000); }
  @Test @Tag("slow") void testRepeatGeneratingYmapTests100000(Tc tc) { applyRandomTests(tc, mapTransactions, 15000); }
}
