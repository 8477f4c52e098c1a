package org.pledgepad.crdt;

// Follows yjs/src/structs/AbstractStruct.js (yjs 13.6.33).

/**
 * A run of consecutive clocks of one client in the struct store: an {@link Item}, a {@link GC}
 * (garbage-collected run) or a {@link Skip} (gap in a merged update).
 */
public abstract class AbstractStruct {
  /**
   * The id of the first clock, held as two numbers rather than an {@link ID}: a document holds
   * about one struct per typed character, and an id object beside each was a second object per
   * struct and, where origins could not share it, more bytes (B4: 14 % of the retained heap;
   * docs/benchmarks.md, session 17; it did not shorten the server's young collections).
   */
  public final long client;
  /** Moves only when integration starts at an offset, before anything refers to the struct. */
  public long clock;
  /** Number of clocks this struct covers; hostile updates can make it reach 2^53. */
  public long length;

  protected AbstractStruct(ID id, long length) {
    this(id.client, id.clock, length);
  }

  protected AbstractStruct(long client, long clock, long length) {
    this.client = client;
    this.clock = clock;
    this.length = length;
  }

  /** The id of the first clock, as a new value object (cold paths; hot ones read client and clock). */
  public ID id() {
    return new ID(client, clock);
  }

  /** Whether this struct starts at the given id. */
  public boolean startsAt(long client, long clock) {
    return this.clock == clock && this.client == client;
  }

  public abstract boolean deleted();

  /**
   * Whether mergeWith(right) could ever succeed for right, just integrated directly after this
   * struct, judged by what cannot turn from false to true later (ids, origins, kinds, list
   * links); deletions and splits can add candidates and are noted by the transaction instead.
   */
  public boolean mayMergeWith(AbstractStruct right) {
    return false;
  }

  /** Appends right to this struct if both can be represented as one; true if it did. */
  public boolean mergeWith(AbstractStruct right) {
    return false;
  }

  public abstract void write(UpdateEncoder encoder, long offset);

  public abstract void integrate(Transaction transaction, long offset);

  /** The client whose missing structs block integration, or -1 when nothing is missing. */
  public abstract long getMissing(Transaction transaction, StructStore store);
}
