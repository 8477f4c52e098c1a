package org.pledgepad.server.history;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.pledgepad.history.ErasureRecord;

/**
 * The entries column of erasure_records: per erased row its seq (8 bytes, big-endian) and the
 * 32-byte stand-in digest, then, for a record that names the head it was planned at, that seq
 * (8 bytes; history/README.md, "Partial redaction"). One blob rather than a row per seq: an
 * erasure of B4's author lists 154,926 rows, read back in one piece whenever the document is
 * verified. The head rides in the blob rather than in a column of its own so that no migration
 * is needed; a reader from before it ignores the trailing 8 bytes (and then refuses the
 * record's v2 signature, which a downgrade has to accept).
 */
final class ErasureEntries {
  private static final int ENTRY = 8 + 32;
  private static final int AS_OF = 8;

  private ErasureEntries() {}

  static byte[] pack(List<ErasureRecord.Entry> entries, long asOf) {
    ByteBuffer b = ByteBuffer.allocate(entries.size() * ENTRY + (asOf == 0 ? 0 : AS_OF));
    for (ErasureRecord.Entry e : entries) {
      if (e.standin().length != 32) {
        throw new IllegalArgumentException("a stand-in digest has 32 bytes");
      }
      b.putLong(e.seq()).put(e.standin());
    }
    if (asOf != 0) {
      b.putLong(asOf);
    }
    return b.array();
  }

  /** Trailing bytes short of an entry, other than the head, are ignored; the record's signature decides what counts. */
  static List<ErasureRecord.Entry> unpack(byte[] packed) {
    ByteBuffer b = ByteBuffer.wrap(packed);
    List<ErasureRecord.Entry> out = new ArrayList<>(packed.length / ENTRY);
    while (b.remaining() >= ENTRY) {
      long seq = b.getLong();
      byte[] standin = new byte[32];
      b.get(standin);
      out.add(new ErasureRecord.Entry(seq, standin));
    }
    return out;
  }

  /** The head the record was planned at, 0 when the blob names none. */
  static long asOf(byte[] packed) {
    return packed.length % ENTRY == AS_OF ? ByteBuffer.wrap(packed, packed.length - AS_OF, AS_OF).getLong() : 0;
  }
}
