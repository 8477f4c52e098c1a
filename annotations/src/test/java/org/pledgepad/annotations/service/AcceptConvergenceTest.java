package org.pledgepad.annotations.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgepad.annotations.Fixtures.CITIZEN;
import static org.pledgepad.annotations.Fixtures.CONSULTATION;
import static org.pledgepad.annotations.Fixtures.EDITOR;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledgepad.annotations.Fixtures;
import org.pledgepad.annotations.Network;
import org.pledgepad.annotations.anchor.Anchor;
import org.pledgepad.annotations.anchor.AnchorResolver;
import org.pledgepad.annotations.anchor.PlainText;
import org.pledgepad.annotations.model.AnnotationThread;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YXmlText;

/**
 * The server's replica accepts a suggestion while two browsers keep typing anywhere (also inside
 * the passage) and deleting what they typed; updates travel in random order, the accepted edit
 * only as the bytes the service returned. A collision (the server already saw typing inside the
 * passage) makes the suggester re-quote and the editor try again later. In the end all replicas
 * agree, the replacement appears exactly once and the old wording is gone.
 */
class AcceptConvergenceTest {
  private static final String TYPED = "#%~";

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void acceptWhileOthersType(long seed) {
    Random random = new Random(seed);
    Fixtures f = new Fixtures(1_000);
    Doc server = Fixtures.tiptap(1, "Alle Schulen erhalten alte Fassung bis Ende 2026.");
    YXmlText serverText = Fixtures.paragraph(server, 0);
    Anchor anchor = AnchorResolver.fromIndex(serverText, 22, 12);
    AnnotationThread s = f.annotations.suggestions.createSuggestion(CITIZEN, CONSULTATION, server, anchor.start(),
        anchor.end(), "NEUE FASSUNG", "").value();

    Network net = new Network();
    // the server forwards nothing by itself: the accepted edit travels as the returned bytes
    net.add(server, false);
    for (long id = 2; id <= 3; id++) {
      Doc d = net.add(new Doc(new DocOptions().clientID(id)));
      Y.applyUpdate(d, Y.encodeStateAsUpdate(server), Network.REMOTE);
    }
    boolean accepted = false;
    int acceptAt = 20 + random.nextInt(60);
    for (int step = 0; step < 160 || !accepted; step++) {
      if (step >= acceptAt && !accepted && random.nextBoolean()) {
        AcceptResult r = f.annotations.suggestions.accept(EDITOR, CONSULTATION, server, s.id(),
            Reviewed.of(f.repo.thread(s.id()).orElseThrow()));
        if (r instanceof AcceptResult.Accepted ok) {
          net.send(0, ok.update());
          accepted = true;
        } else {
          f.annotations.suggestions.updateSuggestion(CITIZEN, CONSULTATION, server, s.id(), "NEUE FASSUNG", null,
              null);
        }
        continue;
      }
      if (random.nextInt(3) == 0) {
        net.deliverOne(random);
        continue;
      }
      Doc browser = net.docs.get(1 + random.nextInt(2));
      YXmlText t = Fixtures.paragraph(browser, 0);
      String text = PlainText.of(t);
      int typed = countTyped(text);
      if (typed > 0 && random.nextInt(3) == 0) {
        int k = random.nextInt(typed);
        for (int i = 0; i < text.length(); i++) {
          if (TYPED.indexOf(text.charAt(i)) >= 0 && k-- == 0) {
            t.delete(i, 1);
            break;
          }
        }
      } else {
        t.insert(random.nextInt(text.length() + 1), String.valueOf(TYPED.charAt(random.nextInt(3))));
      }
    }
    net.flush(random);
    String expected = PlainText.of(serverText);
    for (Doc d : net.docs) {
      assertThat(PlainText.of(Fixtures.paragraph(d, 0))).as("seed %d", seed).isEqualTo(expected);
    }
    String untyped = expected.replaceAll("[#%~]", "");
    assertThat(untyped.split("NEUE FASSUNG", -1)).as("seed %d: %s", seed, expected).hasSize(2);
    assertThat(untyped).as("seed %d", seed).doesNotContain("alte Fassung")
        .startsWith("Alle Schulen erhalten ").endsWith(" bis Ende 2026.");
  }

  private static int countTyped(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (TYPED.indexOf(s.charAt(i)) >= 0) {
        n++;
      }
    }
    return n;
  }
}
