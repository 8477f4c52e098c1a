package org.pledgepad.crdt;

// Follows yjs/src/structs/AbstractStruct.js (yjs 13.6.33).

/**
 * A run of consecutive clocks of one client in the struct store: an {@link Item}, a {@link GC}
 * (garbage-collected run) or a {@link Skip} (gap in a merged update). The id is replaced, not
 * mutated, when integration starts at an offset, because {@link ID} is an immutable value.
 */
public abstract class AbstractStruct {
  public ID id;
  /** Number of clocks this struct covers; hostile updates can make it reach 2^53. */
  public long length;

  protected AbstractStruct(ID id, long length) {
    this.id = id;
    this.length = length;
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
