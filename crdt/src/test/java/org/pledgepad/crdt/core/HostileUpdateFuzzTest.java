package org.pledgepad.crdt.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YArray;
import org.pledgepad.crdt.YMap;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;
import org.pledgepad.crdt.lib0.DecodingException;

/**
 * Mutated updates (flipped, replaced, dropped and duplicated bytes) applied to empty and
 * populated documents: each either applies (and the document can still be encoded) or raises
 * DecodingException without changing the document; nothing else may escape.
 */
class HostileUpdateFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("hostile.iterations", 4000);

  private static Doc source() {
    Doc src = new Doc(new DocOptions().clientID(5).gc(false));
    YText t = src.getText("t");
    t.insert(0, "hello world \uD83D\uDE00");
    t.format(1, 3, Map.of("bold", true));
    t.delete(2, 2);
    YMap<Object> m = src.getMap("m");
    m.set("a", 1);
    YArray<Object> arr = new YArray<>();
    m.set("arr", arr);
    arr.insert(0, List.of(1, "x", new byte[] {1}));
    YXmlFragment f = src.getXmlFragment("x");
    YXmlElement el = new YXmlElement("p");
    el.setAttribute("k", "v");
    f.insert(0, List.of(el, new YXmlText("hi")));
    m.delete("a");
    return src;
  }

  @Test
  void mutatedUpdatesApplyOrFailWithDecodingExceptionLeavingTheDocUnchanged() {
    Doc src = source();
    Doc other = new Doc(new DocOptions().clientID(6));
    other.getText("t").insert(0, "zz");
    Y.applyUpdate(other, Y.encodeStateAsUpdate(src));
    other.getText("t").insert(3, "q");
    other.getArray("a").insert(0, List.of(1));
    other.getMap("m").delete("arr");
    byte[][] seeds = {Y.encodeStateAsUpdate(other), Y.encodeStateAsUpdateV2(other), Y.encodeStateAsUpdate(src),
        Y.encodeStateAsUpdateV2(src)};
    byte[] srcUpdate = Y.encodeStateAsUpdate(src);
    long seed = Long.getLong("hostile.seed", 20261128L);
    SplittableRandom r = new SplittableRandom(seed);
    int applied = 0;
    for (int it = 0; it < ITERATIONS; it++) {
      int si = r.nextInt(seeds.length);
      byte[] u = ByteMutations.mutate(seeds[si], r);
      Doc d = new Doc(new DocOptions().clientID(9));
      d.getText("t").insert(0, "base");
      if (r.nextBoolean()) {
        Y.applyUpdate(d, srcUpdate);
      }
      byte[] before = Y.encodeStateAsUpdate(d);
      String where = "seed " + seed + " iteration " + it + " update " + java.util.HexFormat.of().formatHex(u);
      try {
        if (si % 2 == 1) {
          Y.applyUpdateV2(d, u);
        } else {
          Y.applyUpdate(d, u);
        }
        applied++;
      } catch (DecodingException e) {
        assertThat(Y.encodeStateAsUpdate(d)).as(where).isEqualTo(before);
        continue;
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError(where, e);
      }
      try {
        Y.encodeStateAsUpdate(d);
        Y.encodeStateAsUpdateV2(d);
        d.toJSON();
      } catch (RuntimeException e) {
        throw new AssertionError(where, e);
      }
    }
    assertThat(applied).isPositive();
  }

  @Test
  void truncatedUpdatesNeverChangeTheDoc() {
    byte[] update = Y.encodeStateAsUpdateV2(source());
    for (int cut = 0; cut < update.length; cut++) {
      Doc d = new Doc(new DocOptions().clientID(9));
      d.getText("t").insert(0, "base");
      byte[] before = Y.encodeStateAsUpdateV2(d);
      try {
        Y.applyUpdateV2(d, Arrays.copyOf(update, cut));
      } catch (DecodingException e) {
        assertThat(Y.encodeStateAsUpdateV2(d)).isEqualTo(before);
      }
    }
  }
}
