package org.pledgepad.history;

import java.util.List;
import java.util.Objects;

/**
 * One erasure run of one document, signed by the server (history/README.md, "The chain"): which
 * rows it erases and the stand-in each keeps. A row whose salt is gone counts as erased only if
 * such a record lists it; otherwise anyone able to write the database could drop a salt and put
 * any text in its place. Records of a document form their own chain ({@code prev}), so deleting
 * or reordering one is visible. No person is named: the rows carry the actor.
 *
 * @param index ascending per document, 1 for the first; the next record takes the next index
 *     not held by a record that fails to verify (history/README.md, "The chain")
 * @param prev {@link Hashes#erasureGenesis} for the first record, else the hash of the previous
 *     record's signed message
 * @param backfilled written afterwards for rows erased before the erasure log existed (the
 *     server's one-time backfill), not by the erasure itself; an auditor weighs those apart
 * @param asOf the seq of the newest row the erasure's plan replayed: a stand-in listed here may
 *     keep content only in units that stood then (history/README.md, "Partial redaction"); 0 for
 *     records signed before partial redaction and backfilled ones, whose stand-ins hold nothing
 *     but marks (the v1 message, which does not name it)
 * @param entries ascending seqs with the digest of the stand-in each row keeps
 */
public record ErasureRecord(String doc, long index, byte[] prev, long timeMillis, String keyId, boolean backfilled,
                            long asOf, List<Entry> entries, byte[] signature) {
  public ErasureRecord {
    Objects.requireNonNull(doc);
    Objects.requireNonNull(prev);
    Objects.requireNonNull(keyId);
    Objects.requireNonNull(signature);
    if (asOf < 0) {
      throw new IllegalArgumentException("asOf is a seq or 0");
    }
    entries = List.copyOf(entries);
  }

  /** A record without {@code asOf} (v1): its stand-ins may hold nothing but marks. */
  public ErasureRecord(String doc, long index, byte[] prev, long timeMillis, String keyId, boolean backfilled,
                       List<Entry> entries, byte[] signature) {
    this(doc, index, prev, timeMillis, keyId, backfilled, 0, entries, signature);
  }

  /** @param standin {@link Hashes#standin} of the update the erased row keeps */
  public record Entry(long seq, byte[] standin) {
    public Entry {
      Objects.requireNonNull(standin);
    }

    /** The entry for a row as it will be stored once erased. */
    public static Entry of(LogRow erased) {
      return new Entry(erased.seq(), Hashes.standin(erased.update()));
    }
  }

  /** The bytes the signature covers, for the document the verifier checks (not the stored name). */
  byte[] message(String forDoc) {
    return Hashes.erasureMessage(forDoc, index, prev, timeMillis, keyId, backfilled, asOf, entries);
  }

  /** What the next record of the document names as its {@code prev}. */
  public byte[] hash() {
    return Hashes.erasureRecordHash(message(doc));
  }
}
