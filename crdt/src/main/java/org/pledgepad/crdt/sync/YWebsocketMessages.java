package org.pledgepad.crdt.sync;

// Follows y-websocket/src/y-websocket.js (messageSync = 0, messageAwareness = 1,
// messageAuth = 2, messageQueryAwareness = 3) and y-protocols/auth.js (y-protocols 1.0.7).

import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.DecodingException;
import org.pledgepad.crdt.lib0.Encoder;

/**
 * The y-websocket frame: varUint(message type) then the type's body. One message per frame;
 * unlike the reference, which ignores whatever follows a message, trailing bytes are rejected,
 * since no y-websocket client sends them and they would otherwise pass unvalidated.
 */
public final class YWebsocketMessages {
  public static final int MESSAGE_SYNC = 0;
  public static final int MESSAGE_AWARENESS = 1;
  public static final int MESSAGE_AUTH = 2;
  public static final int MESSAGE_QUERY_AWARENESS = 3;
  /** Sub-type of MESSAGE_AUTH: permission denied, followed by a reason string. */
  public static final int AUTH_PERMISSION_DENIED = 0;

  private YWebsocketMessages() {}

  public static YWebsocketMessage decode(byte[] frame) {
    Decoder decoder = new Decoder(frame);
    long type = decoder.readVarUint();
    YWebsocketMessage message;
    if (type == MESSAGE_SYNC) {
      message = new YWebsocketMessage.Sync(SyncProtocol.readSyncMessage(decoder));
    } else if (type == MESSAGE_AWARENESS) {
      message = new YWebsocketMessage.Awareness(decoder.readVarUint8Array());
    } else if (type == MESSAGE_AUTH) {
      long authType = decoder.readVarUint();
      if (authType != AUTH_PERMISSION_DENIED) {
        throw new DecodingException("unknown auth message type " + authType);
      }
      message = new YWebsocketMessage.PermissionDenied(decoder.readVarString());
    } else if (type == MESSAGE_QUERY_AWARENESS) {
      message = new YWebsocketMessage.QueryAwareness();
    } else {
      throw new DecodingException("unknown y-websocket message type " + type);
    }
    if (decoder.hasContent()) {
      throw new DecodingException("trailing bytes after y-websocket message");
    }
    return message;
  }

  public static byte[] encodeSyncStep1(byte[] stateVector) {
    Encoder e = new Encoder(stateVector.length + 8);
    e.writeVarUint(MESSAGE_SYNC);
    SyncProtocol.writeSyncStep1(e, stateVector);
    return e.toUint8Array();
  }

  public static byte[] encodeSyncStep2(byte[] update) {
    Encoder e = new Encoder(update.length + 8);
    e.writeVarUint(MESSAGE_SYNC);
    SyncProtocol.writeSyncStep2(e, update);
    return e.toUint8Array();
  }

  public static byte[] encodeUpdate(byte[] update) {
    Encoder e = new Encoder(update.length + 8);
    e.writeVarUint(MESSAGE_SYNC);
    SyncProtocol.writeUpdate(e, update);
    return e.toUint8Array();
  }

  public static byte[] encodeAwareness(byte[] awarenessUpdate) {
    Encoder e = new Encoder(awarenessUpdate.length + 8);
    e.writeVarUint(MESSAGE_AWARENESS);
    e.writeVarUint8Array(awarenessUpdate);
    return e.toUint8Array();
  }

  public static byte[] encodePermissionDenied(String reason) {
    Encoder e = new Encoder();
    e.writeVarUint(MESSAGE_AUTH);
    e.writeVarUint(AUTH_PERMISSION_DENIED);
    e.writeVarString(reason);
    return e.toUint8Array();
  }

  public static byte[] encodeQueryAwareness() {
    return new byte[] {MESSAGE_QUERY_AWARENESS};
  }
}
