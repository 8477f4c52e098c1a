package org.pledgepad.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * TypeMap (Transaction.changed and changedParentTypes) behaves as the LinkedHashMap it replaced
 * for keys without equals of their own: random puts, replacements, removals (also through the
 * iterator) and entry writes on both, compared after every step, across the 8 keys where
 * lookups switch from a scan to an index.
 */
class TypeMapTest {

  @Test
  void behavesAsLinkedHashMap() {
    Random rnd = new Random(7);
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      keys.add(new Object());
    }
    for (int round = 0; round < 200; round++) {
      TypeMap<Object, Integer> map = new TypeMap<>();
      Map<Object, Integer> expected = new LinkedHashMap<>();
      int span = 1 + rnd.nextInt(keys.size());
      for (int step = 0; step < 60; step++) {
        Object k = keys.get(rnd.nextInt(span));
        int op = rnd.nextInt(10);
        if (op < 5) {
          assertEquals(expected.put(k, step), map.put(k, step));
        } else if (op < 7) {
          assertEquals(expected.remove(k), map.remove(k));
        } else if (op == 7) {
          assertEquals(expected.computeIfAbsent(k, x -> -1), map.computeIfAbsent(k, x -> -1));
        } else if (op == 8 && !expected.isEmpty()) {
          int drop = rnd.nextInt(expected.size());
          Iterator<Map.Entry<Object, Integer>> a = expected.entrySet().iterator();
          Iterator<Map.Entry<Object, Integer>> b = map.entrySet().iterator();
          for (int i = 0; i <= drop; i++) {
            assertEquals(a.next(), b.next());
          }
          a.remove();
          b.remove();
        } else if (!expected.isEmpty()) {
          Map.Entry<Object, Integer> a = expected.entrySet().iterator().next();
          Map.Entry<Object, Integer> b = map.entrySet().iterator().next();
          assertEquals(a.setValue(1000 + step), b.setValue(1000 + step));
        }
        assertSame(expected, map);
        for (Object key : keys) {
          assertEquals(expected.get(key), map.get(key));
          assertEquals(expected.containsKey(key), map.containsKey(key));
        }
      }
    }
  }

  private static void assertSame(Map<Object, Integer> expected, TypeMap<Object, Integer> map) {
    assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(map.entrySet()));
    assertEquals(expected, map);
    assertEquals(expected.hashCode(), map.hashCode());
    assertEquals(expected.size(), map.size());
    Object[] snap = map.snapshot();
    int i = 0;
    for (Map.Entry<Object, Integer> e : expected.entrySet()) {
      assertEquals(e.getKey(), snap[i++]);
      assertEquals(e.getValue(), snap[i++]);
    }
  }

  @Test
  void iteratorsFailFast() {
    TypeMap<Object, Integer> map = new TypeMap<>();
    map.put(new Object(), 1);
    map.put(new Object(), 2);
    Iterator<Map.Entry<Object, Integer>> it = map.entrySet().iterator();
    it.next();
    map.put(new Object(), 3);
    assertThrows(ConcurrentModificationException.class, it::next);
  }
}
