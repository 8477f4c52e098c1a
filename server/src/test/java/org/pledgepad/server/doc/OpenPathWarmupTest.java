package org.pledgepad.server.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;

class OpenPathWarmupTest {
  @Test
  void theGeneratedDocumentReplaysToTheSameStateItWasWrittenWith() {
    List<byte[]> edits = OpenPathWarmup.generate(new Random(3));
    assertThat(edits.size()).isGreaterThan(OpenPathWarmup.EDITS * 9 / 10); // a mark on bold text changes nothing
    Doc replayed = new Doc();
    edits.forEach(u -> Y.applyUpdate(replayed, u));
    // A third of the edits are single characters at random places of the plain text.
    assertThat(replayed.getText("text").length()).isEqualTo(OpenPathWarmup.EDITS / 3);
    assertThat(replayed.getXmlFragment("default").length()).isEqualTo(24);
    YjsDocument opened = new YjsDocument();
    opened.apply(Y.encodeStateAsUpdate(replayed));
    assertThat(opened.stateVector()).isEqualTo(Y.encodeStateVector(replayed));
  }

  @Test
  void roundsAreBoundedByCountAndByTheTimeBudget() {
    assertThat(OpenPathWarmup.run(1, 60_000).rounds()).isEqualTo(1);
    assertThat(OpenPathWarmup.run(5, 0).rounds()).isEqualTo(1); // one round even past the budget
    assertThat(OpenPathWarmup.run(0, 60_000).rounds()).isZero();
  }
}
