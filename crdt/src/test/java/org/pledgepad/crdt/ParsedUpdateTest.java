package org.pledgepad.crdt;

// jqwik prints the seed of a failing run; rerun with @Property(seed = "...").

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.core.ByteMutations;
import org.pledgepad.crdt.lib0.DecodingException;

/** Decode once ({@link Y#parseUpdate}), integrate later ({@link Y#applyParsedUpdate}). */
class ParsedUpdateTest {

  private static byte[] typed(long client, String text) {
    Doc d = new Doc(new DocOptions().clientID(client));
    d.getText("t").insert(0, text);
    d.getMap("m").set("k", 1L);
    d.getText("t").delete(1, 2);
    return Y.encodeStateAsUpdate(d);
  }

  @Test
  void integratesOnceIntoOneDocumentOnly() {
    byte[] u = typed(3, "hello");
    ParsedUpdate p = Y.parseUpdate(u, UpdateLimits.UNTRUSTED);
    Doc a = new Doc();
    Y.applyParsedUpdate(a, p, null);
    assertTrue(p.integrated());
    byte[] after = Y.encodeStateAsUpdate(a);
    assertThrows(IllegalStateException.class, () -> Y.applyParsedUpdate(a, p, null));
    Doc other = new Doc();
    assertThrows(IllegalStateException.class, () -> Y.applyParsedUpdate(other, p, null));
    assertThrows(IllegalStateException.class, p::structs);
    assertArrayEquals(after, Y.encodeStateAsUpdate(a));
    assertArrayEquals(Y.encodeStateAsUpdate(new Doc()), Y.encodeStateAsUpdate(other));
    assertEquals("hlo", a.getText("t").toString());
  }

  @Test
  void aReconnectingClientsStepTwoOfDeletionsTheServerHasAddsNothing() {
    Doc server = new Doc(new DocOptions().clientID(1));
    server.getText("t").insert(0, "abcdefghij");
    server.getText("t").delete(2, 3);
    Doc client = new Doc(new DocOptions().clientID(2));
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    byte[] stepTwo = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    assertTrue(stepTwo.length > 2, "the step 2 carries the delete set");
    assertTrue(Y.parseUpdate(stepTwo, UpdateLimits.UNTRUSTED).addsNothingTo(server));
    client.getText("t").delete(0, 1);
    assertFalse(Y.parseUpdate(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)), UpdateLimits.UNTRUSTED)
        .addsNothingTo(server), "a new deletion");
    Doc writer = new Doc(new DocOptions().clientID(3));
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server));
    writer.getText("t").insert(0, "x");
    assertFalse(Y.parseUpdate(Y.encodeStateAsUpdate(writer, Y.encodeStateVector(server)), UpdateLimits.UNTRUSTED)
        .addsNothingTo(server), "a new insertion");
    assertTrue(Y.parseUpdate(new byte[] {0, 0}, UpdateLimits.UNTRUSTED).addsNothingTo(server));
  }

  /** The oracle is Yjs's own test, snapshotContainsUpdate (ported), against random edits on both sides. */
  @Property(tries = 300)
  void addsNothingExactlyWhenTheDocumentsSnapshotContainsTheUpdate(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Doc server = new Doc(new DocOptions().clientID(1));
    Doc client = new Doc(new DocOptions().clientID(2));
    for (int round = 0; round < 6; round++) {
      Doc d = r.nextBoolean() ? server : client;
      YText t = d.getText("t");
      if (t.length() > 0 && r.nextInt(3) == 0) {
        int at = r.nextInt(t.length());
        t.delete(at, 1 + r.nextInt(Math.min(3, t.length() - at)));
      } else {
        t.insert(r.nextInt(t.length() + 1), "ab".substring(0, 1 + r.nextInt(2)));
      }
      if (r.nextInt(3) == 0) {
        Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
      }
      if (r.nextInt(3) == 0) {
        Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
      }
    }
    byte[] u = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    boolean expected = Y.snapshotContainsUpdate(Y.snapshot(server), u);
    assertEquals(expected, Y.parseUpdate(u, UpdateLimits.UNTRUSTED).addsNothingTo(server));
  }

  @Test
  void structsAreThoseDecodeUpdateLists() {
    byte[] one = typed(3, "hello");
    byte[] two = Updates.mergeUpdates(List.of(one, typed(9, "abc")));
    for (byte[] u : List.of(one, two)) {
      ParsedUpdate p = Y.parseUpdate(u, UpdateLimits.DEFAULT);
      assertEquals(describe(Updates.decodeUpdate(u).structs), describe(p.structs()));
      assertFalse(p.integrated());
    }
  }

  private static List<String> describe(List<AbstractStruct> structs) {
    List<String> out = new ArrayList<>();
    for (AbstractStruct s : structs) {
      String d = s.getClass().getSimpleName() + " " + s.client + ":" + s.clock + "+" + s.length;
      if (s instanceof Item i) {
        d += " " + i.origin() + " " + i.rightOrigin() + " " + i.parent + " " + i.parentSub + " " + i.content.getContent();
      }
      out.add(d);
    }
    return out;
  }

  /** Two groups of one client: applyUpdate integrates the last only; structs() lists both, as decodeUpdate. */
  @Test
  void structsListEveryGroupOfAClient() {
    // two client groups; each: one struct, client 5, first clock, info 0 (GC), length
    byte[] u = {2, 1, 5, 0, 0, 2, 1, 5, 2, 0, 3, 0};
    assertEquals(2, Y.parseUpdate(u, UpdateLimits.UNTRUSTED).structs().size());
    assertEquals(describe(Updates.decodeUpdate(u).structs), describe(Y.parseUpdate(u, UpdateLimits.DEFAULT).structs()));
  }

  /**
   * Info 0x2a (content ref 10 with a parentSub flag): applyUpdate reads a Skip, the lazy reader
   * of validation fails. Parsing is validation, so it fails too.
   */
  @Test
  void refusesWhatValidationRefusesThoughApplyUpdateTakesIt() {
    byte[] u = {1, 1, 7, 0, 0x2a, 3, 0};
    assertDoesNotThrow(() -> Y.applyUpdate(new Doc(), u));
    assertThrows(DecodingException.class, () -> Y.validateUpdate(u, UpdateLimits.DEFAULT));
    assertThrows(DecodingException.class, () -> Y.parseUpdate(u, UpdateLimits.DEFAULT));
    byte[] plainSkip = {1, 1, 7, 0, 10, 3, 0};
    assertDoesNotThrow(() -> Y.validateUpdate(plainSkip, UpdateLimits.DEFAULT));
    assertDoesNotThrow(() -> Y.parseUpdate(plainSkip, UpdateLimits.DEFAULT));
  }

  @Test
  void overBudgetUpdatesAreRefusedAsByValidation() {
    byte[] u = HostileUpdates.v1DeleteRanges(300_000);
    assertThrows(DecodingException.class, () -> Y.validateUpdate(u, UpdateLimits.UNTRUSTED));
    assertThrows(DecodingException.class, () -> Y.parseUpdate(u, UpdateLimits.UNTRUSTED));
  }

  private static final List<byte[]> SEEDS = seeds();

  private static List<byte[]> seeds() {
    Doc src = new Doc(new DocOptions().clientID(5).gc(false));
    YText t = src.getText("t");
    t.insert(0, "Wir ermöglichen das gemeinsame Arbeiten \uD83D\uDE00");
    t.format(1, 5, Map.of("bold", true));
    t.delete(3, 9);
    YMap<Object> m = src.getMap("m");
    m.set("list", List.of(1L, "x", Map.of("k", List.of(true))));
    YArray<Object> arr = new YArray<>();
    m.set("arr", arr);
    arr.insert(0, List.of(1L, "x", new byte[] {1, 2}));
    src.getXmlFragment("x").insert(0, List.of(new YXmlElement("p"), new YXmlText("hi")));
    return List.of(Y.encodeStateAsUpdate(src), Y.encodeStateAsUpdateV2(src));
  }

  /**
   * Mutated updates: parsing refuses exactly what validation refuses, and what parses leaves a
   * document as applyUpdate does (both throwing the same exception class, or byte-equal states).
   */
  @Property(tries = 2000)
  void mutatedUpdatesParseIffTheyValidateAndIntegrateAsApplied(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    boolean v2 = r.nextBoolean();
    byte[] m = ByteMutations.mutate(SEEDS.get(v2 ? 1 : 0), r);
    byte[] u = r.nextBoolean() ? ByteMutations.lengthen(m, r) : m;
    UpdateLimits limits = r.nextBoolean() ? UpdateLimits.UNTRUSTED : UpdateLimits.DEFAULT;
    RuntimeException validation = thrown(() -> {
      if (v2) {
        Y.validateUpdateV2(u, limits);
      } else {
        Y.validateUpdate(u, limits);
      }
    });
    ParsedUpdate[] parsed = new ParsedUpdate[1];
    RuntimeException parsing = thrown(() -> parsed[0] = v2 ? Y.parseUpdateV2(u, limits) : Y.parseUpdate(u, limits));
    assertEquals(validation == null, parsing == null, () -> "validation " + validation + ", parse " + parsing);
    if (parsing != null) {
      return;
    }
    Doc applied = new Doc(new DocOptions().clientID(1));
    Doc integrated = new Doc(new DocOptions().clientID(1));
    RuntimeException a = thrown(() -> {
      if (v2) {
        Y.applyUpdateV2(applied, u, null, UpdateLimits.TRUSTED);
      } else {
        Y.applyUpdate(applied, u, null, UpdateLimits.TRUSTED);
      }
    });
    RuntimeException b = thrown(() -> Y.applyParsedUpdate(integrated, parsed[0], null));
    assertEquals(a == null ? null : a.getClass(), b == null ? null : b.getClass());
    if (a == null) {
      assertArrayEquals(Y.encodeStateAsUpdate(applied), Y.encodeStateAsUpdate(integrated));
    }
  }

  private static RuntimeException thrown(Runnable r) {
    try {
      r.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    } catch (StackOverflowError e) {
      return new IllegalStateException("stack overflow");
    }
  }

  /**
   * Random edits of three peers reach two receivers in a random order (gaps leave structs and
   * deletes pending until the missing updates arrive): one applies the bytes, the other had
   * parsed every update before the first was integrated. Equal bytes after each delivery.
   */
  @Property(tries = 150)
  void shuffledDeliveriesIntegrateAsApplied(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<byte[]> updates = new ArrayList<>();
    Doc[] peers = new Doc[3];
    for (int i = 0; i < peers.length; i++) {
      peers[i] = new Doc(new DocOptions().clientID(10 + i).gc(r.nextBoolean()));
      peers[i].onUpdate((u, origin, doc, tr) -> updates.add(u));
    }
    for (int step = 0; step < 40; step++) {
      Doc p = peers[r.nextInt(peers.length)];
      edit(p, r);
      if (r.nextInt(4) == 0) { // peers sometimes sync, so later edits depend on others' structs
        Doc q = peers[r.nextInt(peers.length)];
        Y.applyUpdate(q, Y.encodeStateAsUpdate(p, Y.encodeStateVector(q)));
      }
    }
    List<byte[]> order = new ArrayList<>(updates);
    for (int i = order.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      byte[] x = order.get(i);
      order.set(i, order.get(j));
      order.set(j, x);
    }
    List<ParsedUpdate> parsed = new ArrayList<>();
    for (byte[] u : order) {
      parsed.add(Y.parseUpdate(u, UpdateLimits.UNTRUSTED));
    }
    Doc applied = new Doc(new DocOptions().clientID(1));
    Doc integrated = new Doc(new DocOptions().clientID(1));
    for (int i = 0; i < order.size(); i++) {
      Y.applyUpdate(applied, order.get(i));
      Y.applyParsedUpdate(integrated, parsed.get(i), null);
      assertArrayEquals(Y.encodeStateAsUpdate(applied), Y.encodeStateAsUpdate(integrated), "after delivery " + i);
    }
    assertEquals(applied.getText("t").toString(), integrated.getText("t").toString());
    assertEquals(applied.getMap("m").toJSON(), integrated.getMap("m").toJSON());
  }

  private static void edit(Doc p, SplittableRandom r) {
    YText t = p.getText("t");
    switch (r.nextInt(4)) {
      case 0, 1 -> t.insert(r.nextInt(t.length() + 1), "ab".substring(0, 1 + r.nextInt(2)));
      case 2 -> {
        if (t.length() > 0) {
          int at = r.nextInt(t.length());
          t.delete(at, 1 + r.nextInt(Math.min(3, t.length() - at)));
        }
      }
      default -> p.getMap("m").set("k" + r.nextInt(3), (long) r.nextInt(100));
    }
  }
}
