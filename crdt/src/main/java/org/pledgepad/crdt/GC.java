package org.pledgepad.crdt;

// Follows yjs/src/structs/GC.js (yjs 13.6.33).

/** A deleted run whose content was dropped; it still occupies its clocks so that ids stay dense. */
public final class GC extends AbstractStruct {
  public static final int structGCRefNumber = 0;

  public GC(ID id, long length) {
    super(id, length);
  }

  public GC(long client, long clock, long length) {
    super(client, clock, length);
  }

  @Override
  public boolean deleted() {
    return true;
  }

  public void delete() {}

  @Override
  public boolean mayMergeWith(AbstractStruct right) {
    return right instanceof GC;
  }

  @Override
  public boolean mergeWith(AbstractStruct right) {
    if (!(right instanceof GC)) {
      return false;
    }
    length += right.length;
    return true;
  }

  @Override
  public void integrate(Transaction transaction, long offset) {
    if (offset > 0) {
      clock += offset;
      length -= offset;
    }
    StructStore.addStruct(transaction, this);
  }

  @Override
  public void write(UpdateEncoder encoder, long offset) {
    encoder.writeInfo(structGCRefNumber);
    encoder.writeLen(length - offset);
  }

  @Override
  public long getMissing(Transaction transaction, StructStore store) {
    return -1;
  }
}
