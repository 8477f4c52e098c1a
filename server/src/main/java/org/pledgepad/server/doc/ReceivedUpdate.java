package org.pledgepad.server.doc;

import java.util.List;
import org.pledgepad.crdt.AbstractStruct;
import org.pledgepad.crdt.ParsedUpdate;

/**
 * A peer's update as it arrived (its v1 bytes, which are logged and broadcast) and as it was
 * decoded once when validated (what the clientID check reads and what is applied after the
 * commit). The decoded structs become the document's items when applied, so a received update
 * is applied at most once, to one document; after that only its bytes remain
 * usable.
 */
public final class ReceivedUpdate {
  private final byte[] bytes;
  final ParsedUpdate parsed;

  ReceivedUpdate(byte[] bytes, ParsedUpdate parsed) {
    this.bytes = bytes;
    this.parsed = parsed;
  }

  /** The update as the peer sent it. */
  public byte[] bytes() {
    return bytes;
  }

  /**
   * The decoded structs in update order (as a full decode of the bytes lists them); only before
   * the update is applied (IllegalStateException after).
   */
  public List<AbstractStruct> structs() {
    return parsed.structs();
  }
}
