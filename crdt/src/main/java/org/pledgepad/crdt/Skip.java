package org.pledgepad.crdt;

// Follows yjs/src/structs/Skip.js (yjs 13.6.33).

/** A gap in a merged update: clocks the update does not carry. Never enters a document's store. */
public final class Skip extends AbstractStruct {
  public static final int structSkipRefNumber = 10;

  public Skip(ID id, long length) {
    super(id, length);
  }

  @Override
  public boolean deleted() {
    return true;
  }

  public void delete() {}

  @Override
  public boolean mergeWith(AbstractStruct right) {
    if (!(right instanceof Skip)) {
      return false;
    }
    length += right.length;
    return true;
  }

  @Override
  public void integrate(Transaction transaction, long offset) {
    throw new IllegalStateException("Skip structs cannot be integrated");
  }

  @Override
  public void write(UpdateEncoder encoder, long offset) {
    encoder.writeInfo(structSkipRefNumber);
    // Skips cannot use the predictable length column, hence a plain varUint as in Yjs.
    encoder.restEncoder().writeVarUint(length - offset);
  }

  @Override
  public long getMissing(Transaction transaction, StructStore store) {
    return -1;
  }
}
