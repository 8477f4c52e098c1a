package org.pledgepad.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.history.Hashes;

class OwnChainsTest {
  private static byte[] h(int b) {
    byte[] x = new byte[32];
    x[0] = (byte) b;
    return x;
  }

  private static OwnChains.Span span(OwnChains own, String doc) {
    return own.spans(List.of(doc)).get(doc);
  }

  @Test
  void appendsThatContinueTheHeadExtendOneSpan() {
    OwnChains own = new OwnChains();
    own.committed("d", 4, h(4), 6, h(6));
    own.committed("d", 6, h(6), 9, h(9));
    OwnChains.Span s = span(own, "d");
    assertThat(s.base().seq()).isEqualTo(4);
    assertThat(s.head().seq()).isEqualTo(9);
    assertThat(s.head().hash()).isEqualTo(h(9));
  }

  @Test
  void anAppendFromAnotherHeadStartsANewUnverifiedSpan() {
    OwnChains own = new OwnChains();
    own.committed("d", 4, h(4), 6, h(6));
    OwnChains.Span first = span(own, "d");
    own.verified("d", first);
    assertThat(span(own, "d").verified()).isTrue();
    // Another node appended 7 and 8; this process read head 8 and went on from there.
    own.committed("d", 8, h(8), 9, h(9));
    OwnChains.Span second = span(own, "d");
    assertThat(second.generation()).isNotEqualTo(first.generation());
    assertThat(second.verified()).isFalse();
    assertThat(second.base().seq()).isEqualTo(8);
    // Same seq, other hash: also not a continuation.
    own.verified("d", second);
    own.committed("d", 9, h(99), 10, h(10));
    assertThat(span(own, "d").verified()).isFalse();
  }

  @Test
  void aVerificationOfAnEarlierRunDoesNotCountForALaterOne() {
    OwnChains own = new OwnChains();
    own.committed("d", 0, null, 2, h(2));
    OwnChains.Span checked = span(own, "d");
    own.committed("d", 5, h(5), 6, h(6)); // a new run began while the rows were checked
    own.verified("d", checked);
    assertThat(span(own, "d").verified()).isFalse();
  }

  @Test
  void verifiedStaysWhileTheRunGoesOn() {
    OwnChains own = new OwnChains();
    own.committed("d", 1, h(1), 2, h(2));
    OwnChains.Span checked = span(own, "d");
    own.committed("d", 2, h(2), 3, h(3)); // appended while the checkpointer checked
    own.verified("d", checked);
    own.committed("d", 3, h(3), 4, h(4));
    assertThat(span(own, "d").verified()).isTrue();
    assertThat(span(own, "d").head().seq()).isEqualTo(4);
  }

  @Test
  void seqZeroIsTheGenesisWhateverTheColumnHolds() {
    OwnChains own = new OwnChains();
    own.committed("d", 0, new byte[32], 1, h(1));
    assertThat(span(own, "d").base().hash()).isEqualTo(Hashes.genesis("d"));
  }

  @Test
  void emptyCommitsChangeNothingAndTheLeastRecentDocumentsFallOut() {
    OwnChains own = new OwnChains(2);
    own.committed("a", 3, h(3), 3, h(3));
    assertThat(own.size()).isZero();
    own.committed("a", 0, null, 1, h(1));
    own.committed("b", 0, null, 1, h(1));
    own.committed("c", 0, null, 1, h(1));
    assertThat(own.size()).isEqualTo(2);
    assertThat(own.spans(List.of("a", "b", "c"))).containsOnlyKeys("b", "c");
  }
}
