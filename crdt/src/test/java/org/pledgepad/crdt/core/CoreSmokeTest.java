package org.pledgepad.crdt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Snapshot;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YArray;
import org.pledgepad.crdt.YEvent;
import org.pledgepad.crdt.YMap;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.YTextEvent;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;
import org.pledgepad.crdt.lib0.DecodingException;

/** Behaviour of the core port seen through the public API: sync, types, events, hostile input. */
class CoreSmokeTest {
  private static Doc doc(long clientID) {
    return new Doc(new DocOptions().clientID(clientID));
  }

  /** Connects a and b so that every update of one is applied to the other. */
  private static void link(Doc a, Doc b) {
    a.onUpdate((u, origin, d, tr) -> {
      if (origin != b) {
        Y.applyUpdate(b, u, a);
      }
    });
    b.onUpdate((u, origin, d, tr) -> {
      if (origin != a) {
        Y.applyUpdate(a, u, b);
      }
    });
  }

  @Test
  void textEditsPropagateBetweenTwoDocsThroughUpdates() {
    Doc a = doc(1);
    Doc b = doc(2);
    link(a, b);
    a.getText("t").insert(0, "Gemeinsam arbeiten");
    b.getText("t").insert(10, "sicher ");
    a.getText("t").delete(0, 10);
    assertThat(a.getText("t").toString()).isEqualTo("sicher arbeiten");
    assertThat(b.getText("t").toString()).isEqualTo("sicher arbeiten");
    assertThat(Y.encodeStateAsUpdate(a)).isEqualTo(Y.encodeStateAsUpdate(b));
  }

  @Test
  void offlineEditsMergeThroughStateVectorDiffs() {
    Doc a = doc(1);
    Doc b = doc(2);
    a.getText("t").insert(0, "abc");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    a.getText("t").insert(3, "1");
    b.getText("t").insert(0, "2");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    assertThat(a.getText("t").toString()).isEqualTo("2abc1").isEqualTo(b.getText("t").toString());
  }

  @Test
  void mapSetAndDeleteSyncAndFireKeyEvents() {
    Doc a = doc(1);
    Doc b = doc(2);
    link(a, b);
    List<Map<String, YEvent.EventChange>> seen = new ArrayList<>();
    b.getMap("m").observe((e, tr) -> seen.add(new LinkedHashMap<>(e.keys())));
    YMap<Object> m = a.getMap("m");
    m.set("title", "Antrag");
    m.set("title", "Antrag 2");
    m.delete("title");
    assertThat(b.getMap("m").has("title")).isFalse();
    assertThat(seen).hasSize(3);
    assertThat(seen.get(0).get("title").action).isEqualTo("add");
    assertThat(seen.get(1).get("title").action).isEqualTo("update");
    assertThat(seen.get(1).get("title").oldValue).isEqualTo("Antrag");
    assertThat(seen.get(2).get("title").action).isEqualTo("delete");
  }

  @Test
  void arrayInsertAndDeleteProduceDeltas() {
    Doc a = doc(1);
    Doc b = doc(2);
    link(a, b);
    List<List<Map<String, Object>>> deltas = new ArrayList<>();
    b.getArray("a").observe((e, tr) -> deltas.add(e.delta()));
    YArray<Object> arr = a.getArray("a");
    arr.insert(0, List.of(1, "zwei", Arrays.asList(3, null)));
    arr.delete(1, 1);
    assertThat(b.getArray("a").toJSON()).isEqualTo(List.of(1L, Arrays.asList(3L, null)));
    assertThat(deltas.get(1)).isEqualTo(List.of(Map.of("retain", 1), Map.of("delete", 1)));
  }

  @Test
  void xmlElementWithAttributesAndTextSyncs() {
    Doc a = doc(1);
    Doc b = doc(2);
    link(a, b);
    YXmlFragment f = a.getXmlFragment("default");
    YXmlElement p = new YXmlElement("paragraph");
    YXmlText t = new YXmlText("Open Data");
    p.insert(0, List.of(t));
    p.setAttribute("textAlign", "left");
    f.insert(0, List.of(p));
    t.format(0, 4, Map.of("bold", true));
    assertThat(b.getXmlFragment("default").toString())
        .isEqualTo("<paragraph textAlign=\"left\"><bold>Open</bold> Data</paragraph>");
    YXmlElement pb = (YXmlElement) b.getXmlFragment("default").get(0);
    assertThat(pb.getAttribute("textAlign")).isEqualTo("left");
  }

  @Test
  void textDeltaEventReportsFormattedInsert() {
    Doc a = doc(1);
    YText t = a.getText("t");
    t.insert(0, "ab");
    List<List<Map<String, Object>>> deltas = new ArrayList<>();
    t.observe((YTextEvent e, org.pledgepad.crdt.Transaction tr) -> deltas.add(e.delta()));
    t.insert(1, "X", Map.of("italic", true));
    assertThat(deltas).containsExactly(List.of(Map.of("retain", 1),
        Map.of("insert", "X", "attributes", Map.of("italic", true))));
  }

  @Test
  void splittingInsideSurrogatePairWritesReplacementCharactersAsYjs() {
    Doc a = doc(1);
    YText t = a.getText("t");
    t.insert(0, "a\uD83D\uDE00b");
    t.insert(2, "x");
    assertThat(t.toString()).isEqualTo("a\uFFFDx\uFFFDb");
  }

  @Test
  void malformedUpdateThrowsDecodingExceptionAndLeavesDocUnchanged() {
    Doc a = doc(1);
    a.getText("t").insert(0, "hello");
    a.getMap("m").set("k", 1);
    byte[] good = Y.encodeStateAsUpdate(a);
    Doc b = doc(2);
    b.getText("t").insert(0, "x");
    byte[] before = Y.encodeStateAsUpdate(b);
    for (int cut = 1; cut < good.length; cut++) {
      byte[] truncated = Arrays.copyOf(good, cut);
      try {
        Y.applyUpdate(b, truncated);
      } catch (DecodingException expected) {
        // fine: must not have changed anything
      }
      if (!Arrays.equals(Y.encodeStateAsUpdate(b), before)) {
        // a prefix may itself be a valid update; then start again from a fresh copy
        b = doc(2);
        b.getText("t").insert(0, "x");
      }
    }
    byte[] bad = good.clone();
    bad[bad.length - 3] = (byte) 0xff;
    Doc c = doc(3);
    byte[] empty = Y.encodeStateAsUpdate(c);
    assertThatThrownBy(() -> Y.applyUpdate(c, Arrays.copyOf(good, good.length - 2)))
        .isInstanceOf(DecodingException.class);
    assertThat(Y.encodeStateAsUpdate(c)).isEqualTo(empty);
    assertThat(c.share).isEmpty();
  }

  @Test
  void hugeDeclaredStructCountIsRejected() {
    // 1 client, 2^40 structs, client 1, clock 0, then nothing
    byte[] update = {1, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x20, 1, 0};
    assertThatThrownBy(() -> Y.applyUpdate(doc(1), update)).isInstanceOf(DecodingException.class);
  }

  @Test
  void missingDependenciesWaitAsPendingStructs() {
    Doc a = doc(1);
    List<byte[]> updates = new ArrayList<>();
    a.onUpdate((u, o, d, tr) -> updates.add(u));
    a.getText("t").insert(0, "ab");
    a.getText("t").insert(2, "cd");
    Doc b = doc(2);
    Y.applyUpdate(b, updates.get(1));
    assertThat(b.getText("t").toString()).isEmpty();
    assertThat(b.store.pendingStructs).isNotNull();
    Y.applyUpdate(b, updates.get(0));
    assertThat(b.getText("t").toString()).isEqualTo("abcd");
    assertThat(b.store.pendingStructs).isNull();
  }

  @Test
  void snapshotRestoresEarlierState() {
    Doc a = new Doc(new DocOptions().gc(false).clientID(1));
    a.getText("t").insert(0, "version one");
    Snapshot s = Y.snapshot(a);
    a.getText("t").delete(0, 8);
    a.getText("t").insert(0, "v");
    Doc old = Y.createDocFromSnapshot(a, Y.decodeSnapshot(Y.encodeSnapshot(s)));
    assertThat(old.getText("t").toString()).isEqualTo("version one");
    assertThat(a.getText("t").toString()).isEqualTo("vone");
  }

  @Test
  void deeplyNestedTypesDoNotOverflowTheStack() {
    Doc a = doc(1);
    YMap<Object> m = a.getMap("root");
    for (int i = 0; i < 3000; i++) {
      YMap<Object> child = new YMap<>();
      m.set("c", child);
      m = child;
    }
    Doc b = doc(2);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    assertThat(Y.encodeStateAsUpdate(b)).isEqualTo(Y.encodeStateAsUpdate(a));
    a.getMap("root").delete("c");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    assertThat(b.getMap("root").toJSON()).isEmpty();
  }

  @Test
  void xmlHooksSerialiseLikeYjs() {
    Doc a = doc(1);
    org.pledgepad.crdt.YXmlHook hook = new org.pledgepad.crdt.YXmlHook("mention");
    hook.set("user", "anna");
    a.getXmlFragment("x").insert(0, List.of(hook));
    YMap<Object> m = a.getMap("m");
    org.pledgepad.crdt.YXmlHook nested = new org.pledgepad.crdt.YXmlHook("h");
    m.set("hook", nested);
    nested.set("k", 1);
    // Yjs: hooks have no toString of their own (String(map) is "[object Object]"), toJSON is the map
    assertThat(a.getXmlFragment("x").toString()).isEqualTo("[object Object]");
    assertThat(hook.toJSON()).isEqualTo(Map.of("user", "anna"));
    assertThat(a.getMap("m").toJSON()).isEqualTo(Map.of("hook", Map.of("k", 1)));
  }

  @Test
  void deeplyNestedXmlSerialisesWithoutRecursion() {
    Doc a = doc(1);
    YXmlFragment f = a.getXmlFragment("x");
    YXmlElement el = new YXmlElement("div");
    f.insert(0, List.of(el));
    StringBuilder expected = new StringBuilder("<div>");
    for (int i = 0; i < 4000; i++) {
      // alternate element nesting and elements embedded in XML text
      if (i % 2 == 0) {
        YXmlElement child = new YXmlElement("p");
        el.insert(0, List.of(child));
        el = child;
        expected.append("<p>");
      } else {
        YXmlText t = new YXmlText();
        el.insert(0, List.of(t));
        YXmlElement child = new YXmlElement("b");
        t.insertEmbed(0, child);
        el = child;
        expected.append("<b>");
      }
    }
    StringBuilder closing = new StringBuilder();
    for (int i = 3999; i >= 0; i--) {
      closing.append(i % 2 == 0 ? "</p>" : "</b>");
    }
    Doc b = doc(2);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    assertThat(b.getXmlFragment("x").toString()).isEqualTo(expected + closing.toString() + "</div>");
    assertThat(b.toJSON().get("x")).isEqualTo(expected + closing.toString() + "</div>");
  }
}
