package org.pledgepad.server.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Awareness updates made of encoded entries (clientID, clock, state), each within a byte budget.
 * Stock clients apply every awareness update on its own, so a set of states may go out in as
 * many of them as the budget asks for.
 */
public final class AwarenessMessages {
  private AwarenessMessages() {}

  /** One entry: what an awareness update carries per client. */
  public static byte[] entry(long clientId, long clock, String state) {
    return new WireWriter().writeVarUint(clientId).writeVarUint(clock).writeVarString(state).toByteArray();
  }

  /** Whether {@code entry} fits an update of at most {@code maxBytes} on its own. */
  public static boolean fitsAlone(byte[] entry, int maxBytes) {
    return WireWriter.varUintSize(1) + entry.length <= maxBytes;
  }

  /**
   * The entries, in order, as updates of at most {@code maxBytes} each; an entry that does not
   * fit one alone goes in one of its own anyway (callers bound their entries below the budget).
   */
  public static List<byte[]> pack(List<byte[]> entries, int maxBytes) {
    List<byte[]> out = new ArrayList<>();
    int from = 0;
    int size = 0;
    for (int i = 0; i < entries.size(); i++) {
      int length = entries.get(i).length;
      if (i > from && WireWriter.varUintSize(i - from + 1) + size + length > maxBytes) {
        out.add(update(entries, from, i, size));
        from = i;
        size = 0;
      }
      size += length;
    }
    if (from < entries.size()) {
      out.add(update(entries, from, entries.size(), size));
    }
    return out;
  }

  private static byte[] update(List<byte[]> entries, int from, int to, int size) {
    WireWriter w = new WireWriter(WireWriter.varUintSize(to - from) + size).writeVarUint(to - from);
    for (int i = from; i < to; i++) {
      w.writeRaw(entries.get(i));
    }
    return w.toByteArray();
  }
}
