package org.pledgepad.loadgen;

import java.util.List;
import java.util.function.Consumer;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.Encoder;
import org.pledgepad.crdt.sync.SyncProtocol;

// Follows the client side of @hocuspocus/provider 4.8.0 (HocuspocusProvider, MessageReceiver,
// OutgoingMessages): every frame starts with varString(document name) and varUint(type); on open
// Auth (token + provider version), sync step 1 and the local awareness state; remote awareness
// is applied without being sent again (the provider skips updates whose origin is itself);
// a connection-level Ping (one byte 9) is answered with Pong (10).

/** The Hocuspocus protocol: document-name-prefixed frames on a socket at the base URL. */
final class HocuspocusWire implements Wire {
  static final int SYNC = 0;
  static final int AWARENESS = 1;
  static final int AUTH = 2;
  static final int QUERY_AWARENESS = 3;
  static final int STATELESS = 5;
  static final int CLOSE = 7;
  static final int SYNC_STATUS = 8;
  static final int PING = 9;
  static final int PONG = 10;
  static final int AUTH_TOKEN = 0;
  static final int AUTH_PERMISSION_DENIED = 1;
  /** The provider version the stock client announces after its token. */
  static final String PROVIDER_VERSION = "4.8.0";

  private final String token;

  HocuspocusWire(String token) {
    // The load benchmark's clients pass 'bench' when no token is configured.
    this.token = token == null || token.isEmpty() ? "bench" : token;
  }

  @Override
  public String url(String base, String documentName, String token) {
    return base;
  }

  @Override
  public List<byte[]> opening(Peer peer, byte[] stateVector, byte[] localAwareness) {
    String name = peer.documentName();
    Encoder auth = header(name, AUTH, token.length() + 16);
    auth.writeVarUint(AUTH_TOKEN);
    auth.writeVarString(token);
    auth.writeVarString(PROVIDER_VERSION);
    Encoder step1 = header(name, SYNC, stateVector.length + 8);
    SyncProtocol.writeSyncStep1(step1, stateVector);
    return List.of(auth.toUint8Array(), step1.toUint8Array(), awareness(name, localAwareness));
  }

  @Override
  public byte[] update(String documentName, byte[] update) {
    Encoder e = header(documentName, SYNC, update.length + 8);
    SyncProtocol.writeUpdate(e, update);
    return e.toUint8Array();
  }

  @Override
  public byte[] awareness(String documentName, byte[] awarenessUpdate) {
    Encoder e = header(documentName, AWARENESS, awarenessUpdate.length + 8);
    e.writeVarUint8Array(awarenessUpdate);
    return e.toUint8Array();
  }

  @Override
  public void receive(byte[] frame, Peer peer, Consumer<byte[]> send) {
    if (frame.length == 1 && frame[0] == PING) {
      send.accept(new byte[] {PONG});
      return;
    }
    Decoder d = new Decoder(frame);
    String name = d.readVarString();
    int type = (int) d.readVarUint();
    switch (type) {
      case SYNC -> {
        int sync = (int) d.readVarUint();
        byte[] payload = d.readVarUint8Array();
        if (sync == SyncProtocol.MESSAGE_YJS_SYNC_STEP1) {
          Encoder reply = header(name, SYNC, 64);
          SyncProtocol.writeSyncStep2(reply, peer.answerStep1(payload));
          send.accept(reply.toUint8Array());
        } else {
          peer.applyRemote(payload, sync == SyncProtocol.MESSAGE_YJS_SYNC_STEP2);
        }
      }
      case AWARENESS -> peer.applyAwareness(d.readVarUint8Array());
      case AUTH -> {
        if (d.readVarUint() == AUTH_PERMISSION_DENIED) {
          peer.denied();
        }
      }
      case QUERY_AWARENESS -> send.accept(awareness(name, peer.allAwareness()));
      case CLOSE -> peer.denied();
      default -> { } // SyncStatus, Stateless: nothing the load generator acts on
    }
  }

  private static Encoder header(String documentName, int type, int bodySize) {
    Encoder e = new Encoder(documentName.length() * 3 + bodySize + 4);
    e.writeVarString(documentName);
    e.writeVarUint(type);
    return e;
  }
}
