package org.pledgepad.crdt;

// Follows yjs/src/utils/ID.js (yjs 13.6.33).

/**
 * Identifies one element (character, array entry, map value) inserted by a client: the
 * client's id and the client's own Lamport-like clock at that element. Immutable value.
 * Both numbers may reach 2^53 - 1 in Yjs, hence {@code long}.
 */
public final class ID {
  /** Client id of the creator (up to 53 bits). */
  public final long client;
  /** Position in the creator's sequence of inserted elements. */
  public final long clock;

  public ID(long client, long clock) {
    this.client = client;
    this.clock = clock;
  }

  public static ID createID(long client, long clock) {
    return new ID(client, clock);
  }

  /** Null-safe equality, as Yjs's compareIDs. */
  public static boolean compareIDs(ID a, ID b) {
    return a == b || (a != null && b != null && a.client == b.client && a.clock == b.clock);
  }

  public static void writeID(org.pledgepad.crdt.lib0.Encoder encoder, ID id) {
    encoder.writeVarUint(id.client);
    encoder.writeVarUint(id.clock);
  }

  public static ID readID(org.pledgepad.crdt.lib0.Decoder decoder) {
    return new ID(decoder.readVarUint(), decoder.readVarUint());
  }

  /** The name under which a root type is registered in its document. */
  public static String findRootTypeKey(AbstractType<?> type) {
    for (java.util.Map.Entry<String, AbstractType<?>> e : type.doc.share.entrySet()) {
      if (e.getValue() == type) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("type is not a root type of its document");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ID && ((ID) o).client == client && ((ID) o).clock == clock;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(client) * 31 + Long.hashCode(clock);
  }

  @Override
  public String toString() {
    return "ID(" + client + "," + clock + ")";
  }
}
