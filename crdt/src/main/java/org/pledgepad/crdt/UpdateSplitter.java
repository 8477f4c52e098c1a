package org.pledgepad.crdt;

// Not in Yjs 13.6.33: a server needs it to send a large state without one oversized message.

import java.util.List;
import org.pledgepad.crdt.lib0.Decoder;

/**
 * Splits a v1 update into several v1 updates of at most {@code maxBytes} each whose union is
 * the original: applied in any order (Yjs holds parts whose dependencies are missing as
 * pending), they give a document the same state as the original.
 *
 * <p>Structs go into the parts in their original order, client by client and clock by clock;
 * the delete set follows, split by ranges, in the last parts. A struct is cut only when it does
 * not fit into an otherwise empty part: an item of text, of plain values or of legacy JSON is
 * then cut at a clock offset, exactly as Yjs writes an item from an offset in its own diffs
 * (the tail's origin is the head's last clock, so the receiver integrates both pieces next to
 * each other and merges them back into one item). Text is never cut inside a UTF-16 surrogate
 * pair, which Yjs would replace by U+FFFD. One unit that cannot be cut (an embed, a binary, a
 * format mark, a type, a single value larger than the budget) travels alone in a part that may
 * exceed {@code maxBytes}; so may one struct or delete range whose mere header exceeds a tiny
 * budget.
 */
public final class UpdateSplitter {
  private UpdateSplitter() {}

  /**
   * The parts of {@code update} (v1) in the order to send them; the update itself when it is no
   * larger than {@code maxBytes}.
   *
   * @throws org.pledgepad.crdt.lib0.DecodingException if the update does not decode
   */
  public static List<byte[]> split(byte[] update, int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    if (update.length <= maxBytes) {
      return List.of(update);
    }
    UpdateDecoderV1 decoder = new UpdateDecoderV1(new Decoder(update));
    // Callers split what they already hold (their own state, accepted updates): no struct budget.
    UpdateLimits.Budget budget = UpdateLimits.TRUSTED.budget(update.length);
    LazyStructReader reader = new LazyStructReader(decoder, false, budget);
    UpdatePartWriter parts = new UpdatePartWriter(maxBytes);
    for (; reader.curr != null; reader.next()) {
      parts.addStruct(reader.curr);
    }
    parts.addDeleteSet(DeleteSet.readDeleteSet(decoder, budget));
    return parts.finish();
  }
}
