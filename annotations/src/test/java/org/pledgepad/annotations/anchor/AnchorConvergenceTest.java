package org.pledgepad.annotations.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.annotations.Network;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.YText;

/**
 * Three replicas edit concurrently before, inside and after an anchored passage; updates travel
 * in random order. Afterwards every replica resolves the anchor to the same words: the passage's
 * first and last characters ('[' and ']', never deleted) with everything typed between them,
 * nothing typed outside. Characters typed outside are 'b' (before) and 'a' (after), inside 'i';
 * interior characters of the passage are deleted at random too.
 */
class AnchorConvergenceTest {
  static LongStream seeds() {
    return LongStream.range(0, 60);
  }

  @ParameterizedTest(name = "plain Y.Text, seed {0}")
  @MethodSource("seeds")
  void anchorStaysOnItsWordsInAPlainText(long seed) {
    run(seed, id -> new Doc(new DocOptions().clientID(id)), d -> d.getText("t"), true);
  }

  @ParameterizedTest(name = "Tiptap paragraph, seed {0}")
  @MethodSource("seeds")
  void anchorStaysOnItsWordsInATiptapParagraph(long seed) {
    run(seed, id -> new Doc(new DocOptions().clientID(id)), d -> Fixtures.paragraph(d, 0), false);
  }

  private static void run(long seed, Function<Long, Doc> newDoc, Function<Doc, YText> text, boolean plain) {
    Random random = new Random(seed);
    Doc origin = plain ? newDoc.apply(1L) : Fixtures.tiptap(1, "");
    if (plain) {
      text.apply(origin).insert(0, "xxxx[PPPPPP]yyyy");
    } else {
      Fixtures.paragraph(origin, 0).insert(0, "xxxx[PPPPPP]yyyy");
    }
    Anchor anchor = AnchorResolver.fromIndex(text.apply(origin), 4, 8);
    Network net = new Network();
    net.add(origin);
    for (long id = 2; id <= 3; id++) {
      Doc d = net.add(newDoc.apply(id));
      org.pledgepad.crdt.Y.applyUpdate(d, org.pledgepad.crdt.Y.encodeStateAsUpdate(origin), Network.REMOTE);
    }
    for (int step = 0; step < 120; step++) {
      if (random.nextInt(3) == 0) {
        net.deliverOne(random);
        continue;
      }
      Doc d = net.docs.get(random.nextInt(net.docs.size()));
      YText t = text.apply(d);
      Resolution r = AnchorResolver.resolve(d, anchor);
      assertThat(r.attached()).as("seed %d", seed).isTrue();
      String all = PlainText.of(t);
      if (random.nextInt(4) == 0) {
        // delete one interior character of the passage (never its first or last one)
        int inner = r.end() - r.start() - 2;
        if (inner > 0) {
          t.delete(r.start() + 1 + random.nextInt(inner), 1);
        }
      } else {
        int index = random.nextInt(all.length() + 1);
        char c = index <= r.start() ? 'b' : index >= r.end() ? 'a' : 'i';
        t.insert(index, String.valueOf(c));
      }
    }
    net.flush(random);
    String expected = null;
    for (Doc d : net.docs) {
      String all = PlainText.of(text.apply(d));
      String between = all.substring(all.indexOf('['), all.indexOf(']') + 1);
      Resolution r = AnchorResolver.resolve(d, anchor);
      assertThat(r.text()).as("seed %d", seed).isEqualTo(between);
      assertThat(between).as("seed %d", seed).doesNotContain("a", "b");
      assertThat(all.substring(0, all.indexOf('[')) + all.substring(all.indexOf(']') + 1))
          .as("seed %d", seed).doesNotContain("i", "P");
      if (expected == null) {
        expected = r.text();
      }
      assertThat(r.text()).as("replicas agree, seed %d", seed).isEqualTo(expected);
    }
    assertThat(anchor.quote()).isEqualTo("[PPPPPP]");
  }
}
