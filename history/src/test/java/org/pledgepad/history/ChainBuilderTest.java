package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChainBuilderTest {
  @Test
  void rowHashFollowsTheFormulaFromThePreviousHash() {
    ChainBuilder c = ChainBuilder.start("d");
    LogRow r1 = c.next(5, "a", "c1", new byte[] {1, 2}, new byte[] {9});
    LogRow r2 = c.next(6, "b", "c2", new byte[] {3}, new byte[] {8});
    assertThat(r1.seq()).isEqualTo(1);
    assertThat(r2.seq()).isEqualTo(2);
    assertThat(r1.commitment()).isEqualTo(Hashes.commitment(new byte[] {9}, new byte[] {1, 2}));
    assertThat(r1.hash()).isEqualTo(Hashes.rowHash(Hashes.genesis("d"), "d", 1, 5, "a", r1.commitment()));
    assertThat(r2.hash()).isEqualTo(Hashes.rowHash(r1.hash(), "d", 2, 6, "b", r2.commitment()));
    assertThat(c.headHash()).isEqualTo(r2.hash());
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    byte[] c = new byte[32];
    assertThat(Hashes.rowHash(new byte[32], "ab", 1, 1, "c", c))
        .isNotEqualTo(Hashes.rowHash(new byte[32], "a", 1, 1, "bc", c));
  }

  @Test
  void genesisDiffersPerDocument() {
    assertThat(Hashes.genesis("a")).isNotEqualTo(Hashes.genesis("b"));
  }

  @Test
  void randomSaltsMakeEqualUpdatesCommitDifferently() {
    ChainBuilder c = ChainBuilder.start("d");
    LogRow a = c.next(1, "x", "c", new byte[] {1});
    LogRow b = c.next(1, "x", "c", new byte[] {1});
    assertThat(a.commitment()).isNotEqualTo(b.commitment());
  }

  @Test
  void continuingFromAStoredHeadGivesTheSameRows() {
    ChainBuilder c = ChainBuilder.start("d");
    c.next(1, "x", "c", new byte[] {1}, new byte[] {1});
    ChainBuilder resumed = new ChainBuilder("d", c.headSeq(), c.headHash());
    assertThat(resumed.next(2, "y", "c", new byte[] {2}, new byte[] {2}).hash())
        .isEqualTo(c.next(2, "y", "c", new byte[] {2}, new byte[] {2}).hash());
  }

  @Test
  void erasingKeepsCommitmentAndHash() {
    LogRow r = ChainBuilder.start("d").next(1, "x", "c", new byte[] {1});
    LogRow e = r.erase();
    assertThat(e.erased()).isTrue();
    assertThat(e.update()).isNull();
    assertThat(e.salt()).isNull();
    assertThat(e.commitment()).isEqualTo(r.commitment());
    assertThat(e.hash()).isEqualTo(r.hash());
  }

  @Test
  void aStoresZeroHeadAtSeqZeroStillStartsAtGenesis() {
    LogRow r = new ChainBuilder("d", 0, new byte[32]).next(1, "x", "c", new byte[] {1}, new byte[] {1});
    assertThat(r.hash()).isEqualTo(ChainBuilder.start("d").next(1, "x", "c", new byte[] {1}, new byte[] {1}).hash());
  }
}
