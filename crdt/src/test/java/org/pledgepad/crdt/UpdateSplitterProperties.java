package org.pledgepad.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * UpdateSplitter against random documents of several clients (text with formatting and
 * surrogate pairs, maps, arrays, XML, embeds, deletions, gc on and off), as whole states, as
 * diffs against an older state and as merged updates with gaps (Skips): applied in order after
 * the same base, the parts give a byte-identical state to the whole update; applied in any
 * order that Yjs completes (nothing left pending), the same document (same structs, origins, content and deletions — Yjs may then chunk
 * one client's runs differently, see {@link UpdateRuns}); and each part is within the budget
 * unless it holds one struct or one delete range that cannot be made smaller.
 */
class UpdateSplitterProperties {
  private static final String[] ALPHABET = {"a", "b", " ", "ä", "€", "😀", "\n", "Glasfaser "};

  /** An update to split and what a receiver holds before it (base, then gap filler). */
  record Case(List<byte[]> before, byte[] update) {}

  @Property(tries = 120)
  void partsGiveTheSameStateInOrderAndShuffled(@ForAll long seed, @ForAll @IntRange(min = 24, max = 3000) int budget) {
    Random r = new Random(seed);
    Case c = randomCase(r);
    List<byte[]> parts = UpdateSplitter.split(c.update(), budget);

    if (c.update().length <= budget) {
      assertThat(parts).containsExactly(c.update());
    }
    for (byte[] part : parts) {
      if (part.length > budget) {
        assertThat(isSingleUnit(part)).as("oversized part of %d bytes holds one unit", part.length).isTrue();
      }
    }
    boolean receiverGc = r.nextInt(4) != 0;
    byte[] whole = stateAfter(c.before(), List.of(c.update()), receiverGc);
    assertThat(java.util.Arrays.equals(stateAfter(c.before(), parts, receiverGc), whole))
        .as("in order, %d parts give the whole update's state byte for byte", parts.size()).isTrue();
    List<byte[]> shuffled = new ArrayList<>(parts);
    Collections.shuffle(shuffled, r);
    Doc receiver = receiverAfter(c.before(), shuffled, receiverGc);
    // Yjs itself does not always finish an out-of-order delivery: in rare orders structs and
    // deletions stay pending after the last part (seed -70, budget 500: yjs 13.6.33 ends with
    // pendingStructs and pendingDs, and its state is byte-equal to ours, checked by replaying the
    // dumped parts in Node). Compatibility means doing the same, so the comparison is made for the
    // orders Yjs completes; the server sends parts in order over one socket (checked above).
    Assume.that(receiver.store.pendingStructs == null && receiver.store.pendingDs == null);
    byte[] anyOrder = Y.encodeStateAsUpdate(receiver);
    assertThat(UpdateRuns.of(anyOrder)).isEqualTo(UpdateRuns.of(whole));
    assertThat(Y.encodeStateVectorFromUpdate(anyOrder)).isEqualTo(Y.encodeStateVectorFromUpdate(whole));
  }

  @Property(tries = 100)
  void everyPartIsWithinTheBudgetWhenNoUnitIsLarger(@ForAll long seed, @ForAll @IntRange(min = 200, max = 3000) int budget) {
    // Text and value runs only (no embeds) and budgets above any single element: nothing may
    // exceed the budget.
    Random r = new Random(seed);
    Doc d = new Doc(new DocOptions().clientID(1 + r.nextInt(1 << 30)));
    for (int i = 0; i < 30; i++) {
      YText t = d.getText("text");
      t.insert(r.nextInt(t.length() + 1), randomString(r, r.nextInt(400)));
      if (t.length() > 10 && r.nextBoolean()) {
        t.delete(r.nextInt(t.length() - 5), 1 + r.nextInt(5));
      }
      d.getArray("list").insert(0, randomValues(r, 1 + r.nextInt(30)));
    }
    byte[] update = Y.encodeStateAsUpdate(d);
    List<byte[]> parts = UpdateSplitter.split(update, budget);
    for (byte[] part : parts) {
      assertThat(part.length).isLessThanOrEqualTo(budget);
    }
    assertThat(java.util.Arrays.equals(stateAfter(List.of(), parts, true), stateAfter(List.of(), List.of(update), true)))
        .isTrue();
  }

  static Case randomCase(Random r) {
    boolean gc = r.nextInt(3) != 0;
    int clients = 1 + r.nextInt(3);
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      docs.add(new Doc(new DocOptions().gc(gc).clientID(i * 100_000_007L + r.nextInt(1 << 20))));
    }
    int steps = 5 + r.nextInt(60);
    Doc source = docs.get(0);
    byte[] baseSv = null;
    byte[] base = null;
    byte[] midSv = null;
    byte[] midState = null;
    for (int s = 0; s < steps; s++) {
      randomOp(r, docs.get(r.nextInt(clients)));
      if (r.nextInt(4) == 0) {
        syncAll(docs);
      }
      if (s == steps / 3) {
        syncAll(docs);
        base = Y.encodeStateAsUpdate(source);
        baseSv = Y.encodeStateVector(source);
      }
      if (s == 2 * steps / 3) {
        syncAll(docs);
        midSv = Y.encodeStateVector(source);
        midState = Y.encodeStateAsUpdate(source);
      }
    }
    syncAll(docs);
    switch (r.nextInt(3)) {
      case 0:
        return new Case(List.of(), Y.encodeStateAsUpdate(source));
      case 1:
        return new Case(List.of(base), Y.encodeStateAsUpdate(source, baseSv));
      default: {
        // base and mid->end merged into one update: a gap (Skips) where base->mid is missing,
        // which this receiver already holds.
        byte[] merged = Y.mergeUpdates(List.of(base, Y.encodeStateAsUpdate(source, midSv)));
        return new Case(List.of(midState), merged);
      }
    }
  }

  private static void randomOp(Random r, Doc d) {
    YText text = d.getText("text");
    int op = r.nextInt(10);
    switch (op) {
      case 0, 1 -> text.insert(r.nextInt(text.length() + 1), randomString(r, r.nextInt(120)),
          r.nextInt(4) == 0 ? Map.of("bold", true) : null);
      case 2 -> {
        if (text.length() > 0) {
          int at = r.nextInt(text.length());
          text.delete(at, Math.min(text.length() - at, 1 + r.nextInt(40)));
        }
      }
      case 3 -> {
        if (text.length() > 0) {
          int at = r.nextInt(text.length());
          text.format(at, Math.min(text.length() - at, 1 + r.nextInt(40)), Collections.singletonMap("italic", r.nextBoolean() ? true : null));
        }
      }
      case 4 -> d.getMap("map").set("k" + r.nextInt(6), randomValues(r, 1).get(0));
      case 5 -> {
        YArray<Object> a = d.getArray("list");
        a.insert(r.nextInt(a.length() + 1), randomValues(r, 1 + r.nextInt(20)));
      }
      case 6 -> {
        YArray<Object> a = d.getArray("list");
        if (a.length() > 0) {
          int at = r.nextInt(a.length());
          a.delete(at, Math.min(a.length() - at, 1 + r.nextInt(10)));
        }
      }
      case 7 -> {
        YXmlFragment f = d.getXmlFragment("default");
        YXmlElement p = new YXmlElement("paragraph");
        f.insert(r.nextInt(f.length() + 1), List.of(p));
        p.insert(0, List.of(new YXmlText(randomString(r, r.nextInt(300)))));
      }
      case 8 -> text.insert(r.nextInt(text.length() + 1), randomString(r, 500 + r.nextInt(4000)));
      default -> text.insertEmbed(r.nextInt(text.length() + 1), Map.of("image", randomString(r, r.nextInt(200))));
    }
  }

  private static String randomString(Random r, int units) {
    StringBuilder b = new StringBuilder();
    while (b.length() < units) {
      b.append(ALPHABET[r.nextInt(ALPHABET.length)]);
    }
    return b.toString();
  }

  private static List<Object> randomValues(Random r, int n) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(4)) {
        case 0 -> values.add(randomString(r, r.nextInt(60)));
        case 1 -> values.add((double) r.nextInt(1000));
        case 2 -> values.add(null);
        default -> values.add(List.of(randomString(r, r.nextInt(10)), true));
      }
    }
    return values;
  }

  private static void syncAll(List<Doc> docs) {
    for (Doc a : docs) {
      for (Doc b : docs) {
        if (a != b) {
          Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
        }
      }
    }
  }

  static byte[] stateAfter(List<byte[]> before, List<byte[]> updates, boolean gc) {
    return Y.encodeStateAsUpdate(receiverAfter(before, updates, gc));
  }

  static Doc receiverAfter(List<byte[]> before, List<byte[]> updates, boolean gc) {
    Doc d = new Doc(new DocOptions().gc(gc));
    before.forEach(u -> Y.applyUpdate(d, u));
    updates.forEach(u -> Y.applyUpdate(d, u));
    return d;
  }

  /** One struct and no delete range, or no struct and one delete range. */
  static boolean isSingleUnit(byte[] part) {
    Updates.DecodedUpdate d = Y.decodeUpdate(part);
    long ranges = d.ds.clients.values().stream().mapToLong(List::size).sum();
    return d.structs.size() + ranges == 1;
  }
}
