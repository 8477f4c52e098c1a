package org.pledgepad.server.history;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.pledgepad.history.ErasureRecord;

/**
 * The entries column of erasure_records: per erased row its seq (8 bytes, big-endian) and the
 * 32-byte stand-in digest. One blob rather than a row per seq: an erasure of B4's author lists
 * 154,926 rows, read back in one piece whenever the document is verified.
 */
final class ErasureEntries {
  private static final int ENTRY = 8 + 32;

  private ErasureEntries() {}

  static byte[] pack(List<ErasureRecord.Entry> entries) {
    ByteBuffer b = ByteBuffer.allocate(entries.size() * ENTRY);
    for (ErasureRecord.Entry e : entries) {
      if (e.standin().length != 32) {
        throw new IllegalArgumentException("a stand-in digest has 32 bytes");
      }
      b.putLong(e.seq()).put(e.standin());
    }
    return b.array();
  }

  /** Trailing bytes short of an entry are ignored; the record's signature decides what counts. */
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
}
