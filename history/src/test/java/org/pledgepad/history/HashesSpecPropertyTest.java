package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Positive;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The chain's hashes against the encoding as the history design states it, written out here
 * independently of {@link Framing}: every stored chain must keep verifying whatever the
 * hashing code is tuned to.
 */
class HashesSpecPropertyTest {
  @Property(tries = 300)
  void rowHashIsSha256OfTheFramedFields(@ForAll @Size(max = 40) byte[] prev, @ForAll String doc, @ForAll long seq,
      @ForAll long time, @ForAll String actor, @ForAll @Size(max = 40) byte[] commitment) throws Exception {
    byte[] expected = sha256(field(Hashes.ROW_TAG), field(prev), field(doc), int64(seq), int64(time), field(actor),
        field(commitment));
    assertThat(Hashes.rowHash(prev, doc, seq, time, actor, commitment)).isEqualTo(expected);
  }

  @Property(tries = 300)
  void commitmentIsSha256OfTheFramedSaltAndUpdate(@ForAll @Size(max = 40) byte[] salt,
      @ForAll @Size(max = 5000) byte[] update) throws Exception {
    assertThat(Hashes.commitment(salt, update))
        .isEqualTo(sha256(field(Hashes.COMMITMENT_TAG), field(salt), field(update)));
  }

  @Property(tries = 300)
  void rowHashOfAsciiNamesIsSha256OfTheFramedFields(@ForAll @net.jqwik.api.constraints.CharRange(from = 0, to = 0x7f)
      @Size(max = 300) String doc, @ForAll @net.jqwik.api.constraints.CharRange(from = 0x60, to = 0x80) String actor,
      @ForAll long seq) throws Exception {
    byte[] prev = new byte[32];
    byte[] commitment = {1, 2};
    byte[] expected = sha256(field(Hashes.ROW_TAG), field(prev), field(doc), int64(seq), int64(seq), field(actor),
        field(commitment));
    assertThat(Hashes.rowHash(prev, doc, seq, seq, actor, commitment)).isEqualTo(expected);
  }

  @Property(tries = 100)
  void genesisIsSha256OfTheFramedName(@ForAll String doc) throws Exception {
    assertThat(Hashes.genesis(doc)).isEqualTo(sha256(field(Hashes.GENESIS_TAG), field(doc)));
  }

  @Property(tries = 100)
  void erasureRecordIsSignedAndChainedOverItsFramedFields(@ForAll String doc, @ForAll long index, @ForAll long time,
      @ForAll String keyId, @ForAll boolean backfilled, @ForAll long seq, @ForAll @Size(max = 40) byte[] standin)
      throws Exception {
    byte[] prev = Hashes.erasureGenesis(doc);
    assertThat(prev).isEqualTo(sha256(field(Hashes.ERASURE_GENESIS_TAG), field(doc)));
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    for (byte[] f : List.of(field(Hashes.ERASURE_TAG), field(doc), int64(index), field(prev), int64(time), field(keyId),
        int64(backfilled ? 1 : 0), int64(2), int64(seq), field(standin), int64(seq + 1), field(new byte[32]))) {
      m.write(f);
    }
    byte[] message = Hashes.erasureMessage(doc, index, prev, time, keyId, backfilled, 0,
        List.of(new ErasureRecord.Entry(seq, standin), new ErasureRecord.Entry(seq + 1, new byte[32])));
    assertThat(message).isEqualTo(m.toByteArray());
    assertThat(Hashes.erasureRecordHash(message)).isEqualTo(sha256(field(Hashes.ERASURE_RECORD_TAG), field(message)));
  }

  @Property(tries = 100)
  void aRecordNamingItsHeadIsSignedUnderTheV2TagWithTheHeadAfterBackfilled(@ForAll String doc, @ForAll long index,
      @ForAll long time, @ForAll String keyId, @ForAll boolean backfilled, @ForAll @Positive long asOf,
      @ForAll long seq, @ForAll @Size(max = 40) byte[] standin) throws Exception {
    byte[] prev = Hashes.erasureGenesis(doc);
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    for (byte[] f : List.of(field(Hashes.ERASURE_V2_TAG), field(doc), int64(index), field(prev), int64(time),
        field(keyId), int64(backfilled ? 1 : 0), int64(asOf), int64(1), int64(seq), field(standin))) {
      m.write(f);
    }
    assertThat(Hashes.erasureMessage(doc, index, prev, time, keyId, backfilled, asOf,
        List.of(new ErasureRecord.Entry(seq, standin)))).isEqualTo(m.toByteArray());
  }

  @Property(tries = 100)
  void standInDigestIsSha256OfTheFramedUpdate(@ForAll @Size(max = 500) byte[] update) throws Exception {
    assertThat(Hashes.standin(update)).isEqualTo(sha256(field(Hashes.STANDIN_TAG), field(update)));
    assertThat(Hashes.standin(null)).isEqualTo(new byte[32]);
  }

  /** Pins the bytes themselves (values computed before the hashing code was tuned, 2026-11-28). */
  @Test
  void knownAnswers() {
    assertThat(Hashes.hex(Hashes.genesis("doc-1")))
        .isEqualTo("cdeb40b1f863551ec4c061faf93ca186e4df3cb93f05effd652690bc87a1b1b1");
    assertThat(Hashes.hex(Hashes.commitment(new byte[] {1, 2, 3}, new byte[] {4, 5})))
        .isEqualTo("539d90c4dffae1aba9544f019563a0d4e01c1445da1dcbcb3094658c28d2f1bb");
    assertThat(Hashes.hex(Hashes.rowHash(new byte[32], "doc-1", 7, 1_764_300_000_000L, "alice", new byte[] {9})))
        .isEqualTo("5a7ddf79927e57da72d1ae5d949f97686446e00562fac326a7cd832a5c643d2c");
  }

  @Test
  void saltsAreFreshAndFullLength() {
    ChainBuilder c = ChainBuilder.start("d");
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 1000; i++) {
      LogRow r = c.next(1, "x", "c", new byte[] {1});
      assertThat(r.salt()).hasSize(ChainBuilder.SALT_BYTES);
      assertThat(seen.add(Hashes.hex(r.salt()))).isTrue();
    }
  }

  private static byte[] field(String s) {
    return field(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] field(byte[] b) {
    return ByteBuffer.allocate(4 + b.length).putInt(b.length).put(b).array();
  }

  private static byte[] int64(long v) {
    return ByteBuffer.allocate(12).putInt(8).putLong(v).array();
  }

  private static byte[] sha256(byte[]... parts) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      all.write(p);
    }
    return MessageDigest.getInstance("SHA-256").digest(all.toByteArray());
  }
}
