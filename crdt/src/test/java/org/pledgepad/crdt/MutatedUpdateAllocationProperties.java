package org.pledgepad.crdt;

// jqwik prints the seed of a failing run; rerun with @Property(seed = "...").

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.pledgepad.crdt.core.ByteMutations;
import org.pledgepad.crdt.lib0.DecodingException;

/**
 * Random mutations of valid updates (v1 and v2) never make applying them allocate more than
 * {@link HostileAllocationTest#SLACK} plus {@link HostileAllocationTest#BYTES_PER_INPUT_BYTE}
 * per input byte, whether they apply or are rejected. The limits here have no free allowance
 * (baseStructs 0), so the bound is the input alone; the default's 100,000 free structs would
 * add up to 100,000 x {@link HostileAllocationTest#BYTES_PER_STRUCT} on top.
 */
class MutatedUpdateAllocationProperties {
  private static final UpdateLimits PROPORTIONAL = UpdateLimits.DEFAULT.withStructs(0, 2, Long.MAX_VALUE);
  private static List<byte[]> seeds;
  /** Highest (allocation - SLACK) / input bytes seen, printed for choosing the bound. */
  private static double highestRatio;

  @BeforeContainer
  static void makeSeeds() {
    HostileAllocationTest.warmUp();
    Doc src = new Doc(new DocOptions().clientID(5).gc(false));
    YText t = src.getText("t");
    t.insert(0, "Wir ermöglichen das gemeinsame Arbeiten \uD83D\uDE00");
    for (int i = 0; i < 40; i++) {
      t.insert((i * 7) % t.length(), i % 3 == 0 ? "ab" : "c"); // many items, as typing in places does
    }
    t.format(1, 5, Map.of("bold", true));
    t.delete(3, 9);
    YMap<Object> m = src.getMap("m");
    m.set("n", 1.5);
    m.set("list", List.of(1L, "x", Map.of("k", List.of(true))));
    YArray<Object> arr = new YArray<>();
    m.set("arr", arr);
    arr.insert(0, List.of(1L, "x", new byte[] {1, 2}));
    YXmlElement el = new YXmlElement("p");
    el.setAttribute("class", "v");
    src.getXmlFragment("x").insert(0, List.of(el, new YXmlText("hi")));
    m.delete("n");
    Doc other = new Doc(new DocOptions().clientID(9));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(src));
    other.getText("t").delete(0, 4);
    other.getArray("a").insert(0, List.of("y"));
    seeds = List.of(Y.encodeStateAsUpdate(src), Y.encodeStateAsUpdateV2(src), Y.encodeStateAsUpdate(other),
        Y.encodeStateAsUpdateV2(other));
  }

  @AfterContainer
  static void report() {
    System.out.printf("highest allocation per input byte above the slack: %.1f%n", highestRatio);
  }

  @Property(tries = 3000)
  void mutatedUpdatesAllocateAtMostProportionallyToTheirSize(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int which = r.nextInt(seeds.size());
    boolean v2 = which % 2 == 1;
    byte[] m = ByteMutations.mutate(seeds.get(which), r);
    byte[] u = r.nextBoolean() ? ByteMutations.lengthen(m, r) : m;
    long allocated = HostileAllocationTest.allocationOf(() -> {
      try {
        if (v2) {
          Y.applyUpdateV2(new Doc(), u, null, PROPORTIONAL);
        } else {
          Y.applyUpdate(new Doc(), u, null, PROPORTIONAL);
        }
      } catch (DecodingException rejected) {
        // rejecting is fine; the allocation on the way there is what is measured
      }
    });
    highestRatio = Math.max(highestRatio, (double) (allocated - HostileAllocationTest.SLACK) / u.length);
    long bound = HostileAllocationTest.SLACK + HostileAllocationTest.BYTES_PER_INPUT_BYTE * u.length;
    assertTrue(allocated <= bound, "allocated " + allocated + " bytes for a " + u.length + "-byte update, bound "
        + bound);
  }
}
