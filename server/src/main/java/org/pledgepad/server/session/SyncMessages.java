package org.pledgepad.server.session;

import org.pledgepad.server.wire.MalformedFrameException;
import org.pledgepad.server.wire.WireReader;
import org.pledgepad.server.wire.WireWriter;

/**
 * The y-protocols sync sub-message shared by both wire protocols: varUint(kind) followed by a
 * length-prefixed payload (state vector or v1 update).
 */
public final class SyncMessages {
  public static final int STEP1 = 0;
  public static final int STEP2 = 1;
  public static final int UPDATE = 2;

  private SyncMessages() {}

  public static Inbound read(WireReader r) {
    int kind = r.readVarUintAsInt();
    byte[] payload = r.readVarUint8Array();
    return switch (kind) {
      case STEP1 -> new Inbound.SyncStep1(payload);
      case STEP2 -> new Inbound.SyncStep2(payload);
      case UPDATE -> new Inbound.Update(payload);
      default -> throw new MalformedFrameException("unknown sync message kind");
    };
  }

  /**
   * Bytes a sync message adds around its payload at most: message type, sync kind and the
   * payload's length prefix (5 bytes covers any length), plus {@code prefixBytes} in front
   * (Hocuspocus: the document name).
   */
  public static int envelopeBytes(int prefixBytes) {
    return prefixBytes + 1 + 1 + 5;
  }

  public static WireWriter write(WireWriter w, int kind, byte[] payload) {
    return w.writeVarUint(kind).writeVarUint8Array(payload);
  }
}
