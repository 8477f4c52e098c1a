package org.pledgepad.crdt;

// Follows yjs/tests/testHelper.js (yjs v13.6.31).

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The simulated network of the Yjs test-suite: several documents ("users") with fixed client
 * ids exchange y-protocols sync messages through a connector that delivers them in a seeded
 * random order, can disconnect and reconnect users, and finally checks that all replicas (and
 * documents rebuilt from each user's merged updates) converged to the same state.
 *
 * <p>Sync messages travel as Java objects ({@link SyncMessage}) instead of bytes: the wire format
 * of y-protocols is tested elsewhere (org.pledgepad.crdt.sync); here only the delivery order and
 * the update/state-vector contents matter.
 */
final class YjsTestHelper {
  private YjsTestHelper() {}

  /** The lib0 TestCase: a name and the seeded generator of this run. */
  static final class Tc {
    final String name;
    final Prng prng;

    Tc(String name, long seed) {
      this.name = name;
      this.prng = new Prng(seed);
    }
  }

  /**
   * JUnit extension that hands each test a {@link Tc} and prefixes every failure with the seed.
   * Seed: system property {@code yjs.seed}, else a fixed value derived from the test name (so
   * runs are reproducible without configuration). Random tests can be repeated from the seed's
   * stream with {@code -Dyjs.repeat=N}.
   */
  static final class SeedExtension implements ParameterResolver, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SeedExtension.class);

    static long seedFor(String testName) {
      String prop = System.getProperty("yjs.seed");
      if (prop != null && !prop.isEmpty()) {
        return Long.parseLong(prop);
      }
      return testName.hashCode() & 0xffffffffL;
    }

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
      return pc.getParameter().getType() == Tc.class;
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
      String name = ec.getRequiredTestMethod().getName();
      Tc tc = new Tc(name, seedFor(name));
      ec.getStore(NS).put("seed", tc.prng.seed);
      return tc;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext ec, Throwable t) throws Throwable {
      Object seed = ec.getStore(NS).get("seed");
      if (seed == null || t instanceof org.opentest4j.TestAbortedException) {
        throw t;
      }
      AssertionError e = new AssertionError("[seed=" + seed + ", rerun with -Dyjs.seed=" + seed + "] " + t, t);
      throw e;
    }
  }

  // ---------------------------------------------------------------- connector

  /** y-protocols sync message kinds: 0 step 1 (state vector), 1 step 2 (update), 2 update. */
  static final class SyncMessage {
    final int type;
    final byte[] payload;

    SyncMessage(int type, byte[] payload) {
      this.type = type;
      this.payload = payload;
    }
  }

  private static void broadcastMessage(TestYInstance y, SyncMessage m) {
    if (y.tc.onlineConns.contains(y)) {
      for (TestYInstance remote : y.tc.onlineConns) {
        if (remote != y) {
          remote.receive(m, y);
        }
      }
    }
  }

  /** A user: a Doc that talks to the other users through the connector. */
  static final class TestYInstance extends Doc {
    final long userID;
    final TestConnector tc;
    /** Messages waiting for this user, per sender, in sending order. */
    Map<TestYInstance, ArrayDeque<SyncMessage>> receiving = new LinkedHashMap<>();
    /** Every update this doc emitted; compare() merges them to check mergeUpdates. */
    final List<byte[]> updates = new ArrayList<>();

    TestYInstance(TestConnector testConnector, long clientID) {
      super();
      this.userID = clientID;
      this.tc = testConnector;
      testConnector.allConns.add(this);
      onUpdate((update, origin, doc, tr) -> {
        if (origin != testConnector) {
          broadcastMessage(this, new SyncMessage(2, update));
        }
        updates.add(update);
      });
      connect();
    }

    void disconnect() {
      receiving = new LinkedHashMap<>();
      tc.onlineConns.remove(this);
    }

    void connect() {
      if (!tc.onlineConns.contains(this)) {
        tc.onlineConns.add(this);
        broadcastMessage(this, new SyncMessage(0, Y.encodeStateVector(this)));
        for (TestYInstance remote : new ArrayList<>(tc.onlineConns)) {
          if (remote != this) {
            receive(new SyncMessage(0, Y.encodeStateVector(remote)), remote);
          }
        }
      }
    }

    void receive(SyncMessage m, TestYInstance remote) {
      receiving.computeIfAbsent(remote, k -> new ArrayDeque<>()).add(m);
    }
  }

  /** Keeps track of the users and delivers their messages in a seeded random order. */
  static final class TestConnector {
    final Set<TestYInstance> allConns = new LinkedHashSet<>();
    final Set<TestYInstance> onlineConns = new LinkedHashSet<>();
    final Prng prng;

    TestConnector(Prng gen) {
      this.prng = gen;
    }

    TestYInstance createY(long clientID) {
      return new TestYInstance(this, clientID);
    }

    /** Delivers one random pending message; false when none is pending. */
    boolean flushRandomMessage() {
      List<TestYInstance> conns = new ArrayList<>();
      for (TestYInstance c : onlineConns) {
        if (!c.receiving.isEmpty()) {
          conns.add(c);
        }
      }
      if (conns.isEmpty()) {
        return false;
      }
      TestYInstance receiver = prng.oneOf(conns);
      List<Map.Entry<TestYInstance, ArrayDeque<SyncMessage>>> entries = new ArrayList<>(receiver.receiving.entrySet());
      Map.Entry<TestYInstance, ArrayDeque<SyncMessage>> e = prng.oneOf(entries);
      TestYInstance sender = e.getKey();
      SyncMessage m = e.getValue().poll();
      if (e.getValue().isEmpty()) {
        receiver.receiving.remove(sender);
      }
      if (m == null) {
        return flushRandomMessage();
      }
      // readSyncMessage of y-protocols; updates are applied with the connector as origin so
      // that the receiver does not broadcast them again.
      switch (m.type) {
        case 0:
          sender.receive(new SyncMessage(1, Y.encodeStateAsUpdate(receiver, m.payload)), receiver);
          break;
        case 1:
        case 2:
          Y.applyUpdate(receiver, m.payload, this);
          break;
        default:
          throw new IllegalStateException("unknown message type " + m.type);
      }
      return true;
    }

    boolean flushAllMessages() {
      boolean didSomething = false;
      while (flushRandomMessage()) {
        didSomething = true;
      }
      return didSomething;
    }

    void reconnectAll() {
      for (TestYInstance c : new ArrayList<>(allConns)) {
        c.connect();
      }
    }

    void disconnectAll() {
      for (TestYInstance c : new ArrayList<>(allConns)) {
        c.disconnect();
      }
    }

    void syncAll() {
      reconnectAll();
      flushAllMessages();
    }

    boolean disconnectRandom() {
      if (onlineConns.isEmpty()) {
        return false;
      }
      prng.oneOf(new ArrayList<>(onlineConns)).disconnect();
      return true;
    }

    boolean reconnectRandom() {
      List<TestYInstance> reconnectable = new ArrayList<>();
      for (TestYInstance c : allConns) {
        if (!onlineConns.contains(c)) {
          reconnectable.add(c);
        }
      }
      if (reconnectable.isEmpty()) {
        return false;
      }
      prng.oneOf(reconnectable).connect();
      return true;
    }
  }

  // ---------------------------------------------------------------- init / compare

  /** What init() returns: the users and their shared types "array", "map", "xml", "text". */
  static final class Result<T> {
    TestConnector testConnector;
    final List<TestYInstance> users = new ArrayList<>();
    final List<YArray<Object>> array = new ArrayList<>();
    final List<YMap<Object>> map = new ArrayList<>();
    final List<YXmlElement> xml = new ArrayList<>();
    final List<YText> text = new ArrayList<>();
    final List<T> testObjects = new ArrayList<>();
    YArray<Object> array0, array1, array2;
    YMap<Object> map0, map1, map2, map3;
    YText text0, text1, text2;
    YXmlElement xml0, xml1, xml2;
  }

  static Result<Object> init(Tc tc, int users) {
    return init(tc, users, null);
  }

  static <T> Result<T> init(Tc tc, int users, Function<TestYInstance, T> initTestObject) {
    Result<T> result = new Result<>();
    Prng gen = tc.prng;
    // Yjs draws whether to use v2 here, then falls back to v1 because its sync protocol is
    // v1 only; we draw too so that the generator advances alike.
    gen.bool();
    TestConnector testConnector = new TestConnector(gen);
    result.testConnector = testConnector;
    for (int i = 0; i < users; i++) {
      TestYInstance y = testConnector.createY(i);
      y.clientID = i;
      result.users.add(y);
      result.array.add(y.getArray("array"));
      result.map.add(y.getMap("map"));
      result.xml.add(y.getXmlElement("xml"));
      result.text.add(y.getText("text"));
    }
    testConnector.syncAll();
    for (TestYInstance y : result.users) {
      result.testObjects.add(initTestObject == null ? null : initTestObject.apply(y));
    }
    int n = users;
    result.array0 = result.array.get(0);
    result.map0 = result.map.get(0);
    result.text0 = result.text.get(0);
    result.xml0 = result.xml.get(0);
    if (n > 1) {
      result.array1 = result.array.get(1);
      result.map1 = result.map.get(1);
      result.text1 = result.text.get(1);
      result.xml1 = result.xml.get(1);
    }
    if (n > 2) {
      result.array2 = result.array.get(2);
      result.map2 = result.map.get(2);
      result.text2 = result.text.get(2);
      result.xml2 = result.xml.get(2);
    }
    if (n > 3) {
      result.map3 = result.map.get(3);
    }
    return result;
  }

  /**
   * 1. reconnect and flush all; 2. rebuild one doc per user from its merged updates;
   * 3. compare the content of all types, state vectors, delete sets, struct stores, snapshots.
   */
  static void compare(List<? extends Doc> usersIn) {
    List<Doc> users = new ArrayList<>(usersIn);
    for (Doc u : users) {
      ((TestYInstance) u).connect();
    }
    while (((TestYInstance) users.get(0)).tc.flushAllMessages()) {
      // flush until quiet
    }
    List<Doc> mergedDocs = new ArrayList<>();
    for (Doc u : users) {
      Doc ydoc = new Doc();
      Y.applyUpdate(ydoc, Y.mergeUpdates(((TestYInstance) u).updates));
      mergedDocs.add(ydoc);
    }
    users.addAll(mergedDocs);
    List<Object> userArrayValues = new ArrayList<>();
    List<Object> userMapValues = new ArrayList<>();
    List<String> userXmlValues = new ArrayList<>();
    List<List<Map<String, Object>>> userTextValues = new ArrayList<>();
    for (Doc u : users) {
      userArrayValues.add(u.getArray("array").toJSON());
      userMapValues.add(u.getMap("map").toJSON());
      userXmlValues.add(u.getXmlElement("xml").toString());
      userTextValues.add(u.getText("text").toDelta());
    }
    for (Doc u : users) {
      assertTrue(u.store.pendingDs == null, "pendingDs is empty");
      assertTrue(u.store.pendingStructs == null, "pendingStructs is empty");
    }
    // Array iterator
    YArray<Object> a0 = users.get(0).getArray("array");
    List<Object> iterated = new ArrayList<>();
    for (Object o : a0) {
      iterated.add(o);
    }
    compareValues(a0.toArray(), iterated);
    // Map iterator
    YMap<Object> m0 = users.get(0).getMap("map");
    @SuppressWarnings("unchecked")
    Map<String, Object> mapJson0 = (Map<String, Object>) userMapValues.get(0);
    List<String> ymapkeys = new ArrayList<>();
    for (String k : m0.keys()) {
      ymapkeys.add(k);
    }
    assertEquals(mapJson0.size(), ymapkeys.size());
    for (String k : ymapkeys) {
      assertTrue(mapJson0.containsKey(k));
    }
    Map<String, Object> mapRes = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m0.entries()) {
      Object v = e.getValue();
      mapRes.put(e.getKey(), v instanceof AbstractType ? ((AbstractType<?>) v).toJSON() : v);
    }
    compareValues(mapJson0, mapRes);
    for (int i = 0; i < users.size() - 1; i++) {
      Doc ui = users.get(i);
      Doc un = users.get(i + 1);
      assertEquals(((List<?>) userArrayValues.get(i)).size(), ui.getArray("array").length());
      compareValues(userArrayValues.get(i), userArrayValues.get(i + 1));
      compareValues(userMapValues.get(i), userMapValues.get(i + 1));
      assertEquals(userXmlValues.get(i), userXmlValues.get(i + 1));
      int textLen = 0;
      for (Map<String, Object> op : userTextValues.get(i)) {
        Object ins = op.get("insert");
        textLen += ins instanceof String ? ((String) ins).length() : 1;
      }
      assertEquals(textLen, ui.getText("text").length());
      compareValues(userTextValues.get(i), userTextValues.get(i + 1));
      assertArrayEquals(Y.encodeStateVector(ui), Y.encodeStateVector(un), "state vectors");
      assertTrue(DeleteSet.equalDeleteSets(DeleteSet.createDeleteSetFromStructStore(ui.store),
          DeleteSet.createDeleteSetFromStructStore(un.store)), "delete sets");
      compareStructStores(ui.store, un.store);
      assertArrayEquals(Y.encodeSnapshot(Y.snapshot(ui)), Y.encodeSnapshot(Y.snapshot(un)), "snapshots");
    }
    for (Doc u : users) {
      u.destroy();
    }
  }

  static void assertArrayEquals(byte[] a, byte[] b, String what) {
    if (!Arrays.equals(a, b)) {
      fail(what + " differ: " + Arrays.toString(a) + " vs " + Arrays.toString(b));
    }
  }

  static boolean compareItemIDs(Item a, Item b) {
    return a == b || (a != null && b != null && ID.compareIDs(a.id(), b.id()));
  }

  static void compareStructStores(StructStore ss1, StructStore ss2) {
    assertEquals(ss1.clients.size(), ss2.clients.size(), "number of clients in struct stores");
    for (var entry : ss1.clients.entrySet()) {
      List<? extends AbstractStruct> structs1 = entry.getValue();
      List<? extends AbstractStruct> structs2 = ss2.clients.get(entry.getKey());
      assertTrue(structs2 != null && structs1.size() == structs2.size(), "struct lists of client " + entry.getKey());
      for (int i = 0; i < structs1.size(); i++) {
        AbstractStruct s1 = structs1.get(i);
        AbstractStruct s2 = structs2.get(i);
        if (s1.getClass() != s2.getClass() || !ID.compareIDs(s1.id(), s2.id()) || s1.deleted() != s2.deleted()
            || s1.length != s2.length) {
          fail("Structs dont match: " + s1.id() + " vs " + s2.id());
        }
        if (s1 instanceof Item) {
          Item i1 = (Item) s1;
          Item i2 = (Item) s2;
          if (!((i1.left == null && i2.left == null)
                  || (i1.left != null && i2.left != null && ID.compareIDs(i1.left.lastId(), i2.left.lastId())))
              || !compareItemIDs(i1.right, i2.right)
              || !ID.compareIDs(i1.origin(), i2.origin())
              || !ID.compareIDs(i1.rightOrigin(), i2.rightOrigin())
              || !Objects.equals(i1.parentSub, i2.parentSub)) {
            fail("Items dont match: " + i1.id());
          }
          assertTrue(i1.left == null || i1.left.right == i1);
          assertTrue(i1.right == null || i1.right.left == i1);
          assertTrue(i2.left == null || i2.left.right == i2);
          assertTrue(i2.right == null || i2.right.left == i2);
        }
      }
    }
  }

  // ---------------------------------------------------------------- random tests

  /** One random modification; receives the user, the generator and the user's test object. */
  @FunctionalInterface
  interface Mod<T> {
    void apply(TestYInstance user, Prng gen, T testObject);
  }

  static <T> Result<T> applyRandomTests(Tc tc, List<Mod<T>> mods, int iterations) {
    return applyRandomTests(tc, mods, iterations, null);
  }

  /**
   * Runs the random test; with {@code -Dyjs.repeat=N} it runs N times in a row from the same
   * seeded stream (each run with fresh users), for longer local fuzzing without code changes.
   */
  static <T> Result<T> applyRandomTests(Tc tc, List<Mod<T>> mods, int iterations, Function<TestYInstance, T> initTestObject) {
    int repeat = Integer.getInteger("yjs.repeat", 1);
    Result<T> result = null;
    for (int r = 0; r < repeat; r++) {
      result = applyRandomTestsOnce(tc, mods, iterations, initTestObject);
    }
    return result;
  }

  private static <T> Result<T> applyRandomTestsOnce(Tc tc, List<Mod<T>> mods, int iterations, Function<TestYInstance, T> initTestObject) {
    Prng gen = tc.prng;
    Result<T> result = init(tc, 5, initTestObject);
    TestConnector testConnector = result.testConnector;
    List<TestYInstance> users = result.users;
    for (int i = 0; i < iterations; i++) {
      if (gen.int32(0, 100) <= 2) {
        if (gen.bool()) {
          testConnector.disconnectRandom();
        } else {
          testConnector.reconnectRandom();
        }
      } else if (gen.int32(0, 100) <= 1) {
        testConnector.flushAllMessages();
      } else if (gen.int32(0, 100) <= 50) {
        testConnector.flushRandomMessage();
      }
      int user = gen.int32(0, users.size() - 1);
      Mod<T> test = gen.oneOf(mods);
      test.apply(users.get(user), gen, result.testObjects.get(user));
    }
    compare(users);
    return result;
  }

  // ---------------------------------------------------------------- lib0/testing

  /**
   * Deep equality as lib0's t.compare for the values of this library: numbers compare by value
   * whatever their boxed type (local docs keep the Integer a test inserted, remote docs decode a
   * Long), byte arrays by content, maps by key set, shared types by identity.
   */
  static void compareValues(Object a, Object b) {
    compareValues(a, b, "");
  }

  static void compareValues(Object a, Object b, String message) {
    String diff = diff(a, b, "$");
    if (diff != null) {
      fail((message.isEmpty() ? "" : message + ": ") + diff + "\n expected: " + a + "\n   actual: " + b);
    }
  }

  private static String diff(Object a, Object b, String path) {
    if (a == b) {
      return null;
    }
    if (a == null || b == null) {
      return path + ": " + a + " != " + b;
    }
    if (a instanceof Number && b instanceof Number) {
      double x = ((Number) a).doubleValue();
      double y = ((Number) b).doubleValue();
      return x == y || (Double.isNaN(x) && Double.isNaN(y)) ? null : path + ": " + a + " != " + b;
    }
    if (a instanceof byte[] && b instanceof byte[]) {
      return Arrays.equals((byte[]) a, (byte[]) b) ? null : path + ": byte arrays differ";
    }
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> ma = (Map<?, ?>) a;
      Map<?, ?> mb = (Map<?, ?>) b;
      if (!ma.keySet().equals(mb.keySet())) {
        return path + ": keys " + ma.keySet() + " != " + mb.keySet();
      }
      for (Object k : ma.keySet()) {
        String d = diff(ma.get(k), mb.get(k), path + "." + k);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a instanceof Object[]) {
      a = Arrays.asList((Object[]) a);
    }
    if (b instanceof Object[]) {
      b = Arrays.asList((Object[]) b);
    }
    if (a instanceof List && b instanceof List) {
      List<?> la = (List<?>) a;
      List<?> lb = (List<?>) b;
      if (la.size() != lb.size()) {
        return path + ": length " + la.size() + " != " + lb.size();
      }
      for (int i = 0; i < la.size(); i++) {
        String d = diff(la.get(i), lb.get(i), path + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a instanceof AbstractType && b instanceof AbstractType) {
      // deltas of different docs hold different type instances: compare their content
      return diff(((AbstractType<?>) a).toJSON(), ((AbstractType<?>) b).toJSON(), path);
    }
    return a.equals(b) ? null : path + ": " + a + " != " + b;
  }

  /** lib0's t.fails: the function must throw. */
  static void fails(Runnable f) {
    try {
      f.run();
    } catch (RuntimeException | AssertionError e) {
      return;
    }
    fail("Expected this to fail");
  }

  /** JS literal → Java value (see {@link JsLiteral}). */
  static Object js(String literal) {
    return JsLiteral.parse(literal);
  }

  /** A delta literal (list of ops) → the type taken by YText.applyDelta. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> delta(String literal) {
    return (List<Map<String, Object>>) (List<?>) JsLiteral.list(literal);
  }

  /** An attribute/object literal. */
  static Map<String, Object> obj(String literal) {
    return JsLiteral.map(literal);
  }

  static List<Object> list(Object... values) {
    return new ArrayList<>(Arrays.asList(values));
  }

  static <E> List<E> toList(Iterable<E> it) {
    List<E> l = new ArrayList<>();
    for (E e : it) {
      l.add(e);
    }
    return l;
  }

  static <E> List<E> toList(Iterator<E> it) {
    List<E> l = new ArrayList<>();
    it.forEachRemaining(l::add);
    return l;
  }

  static int size(Collection<?> c) {
    return c.size();
  }
}
