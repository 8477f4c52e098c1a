package org.pledgepad.loadgen;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.sync.SyncProtocol;
import org.pledgepad.crdt.sync.YWebsocketMessages;

// Follows the client side of y-websocket 3.1.0 (src/y-websocket.js): on open sync step 1 and the
// local awareness state; step 2 answers a step 1; query-awareness is answered with all states;
// every awareness change, remote ones included, is broadcast again (the provider's awareness
// 'update' handler does not look at the origin).

/** The y-websocket protocol: one document per socket, the document name in the URL path. */
final class YWebsocketWire implements Wire {
  @Override
  public String url(String base, String documentName, String token) {
    String url = base + "/" + documentName;
    return token == null || token.isEmpty() ? url : url + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  @Override
  public List<byte[]> opening(Peer peer, byte[] stateVector, byte[] localAwareness) {
    return List.of(YWebsocketMessages.encodeSyncStep1(stateVector), YWebsocketMessages.encodeAwareness(localAwareness));
  }

  @Override
  public byte[] update(String documentName, byte[] update) {
    return YWebsocketMessages.encodeUpdate(update);
  }

  @Override
  public byte[] awareness(String documentName, byte[] awarenessUpdate) {
    return YWebsocketMessages.encodeAwareness(awarenessUpdate);
  }

  @Override
  public void receive(byte[] frame, Peer peer, Consumer<byte[]> send) {
    Decoder d = new Decoder(frame);
    int type = (int) d.readVarUint();
    switch (type) {
      case YWebsocketMessages.MESSAGE_SYNC -> {
        int sync = (int) d.readVarUint();
        byte[] payload = d.readVarUint8Array();
        if (sync == SyncProtocol.MESSAGE_YJS_SYNC_STEP1) {
          send.accept(YWebsocketMessages.encodeSyncStep2(peer.answerStep1(payload)));
        } else {
          peer.applyRemote(payload, sync == SyncProtocol.MESSAGE_YJS_SYNC_STEP2);
        }
      }
      case YWebsocketMessages.MESSAGE_AWARENESS -> {
        byte[] changed = peer.applyAwareness(d.readVarUint8Array());
        if (changed != null) {
          send.accept(YWebsocketMessages.encodeAwareness(changed));
        }
      }
      case YWebsocketMessages.MESSAGE_AUTH -> peer.denied();
      case YWebsocketMessages.MESSAGE_QUERY_AWARENESS -> send.accept(YWebsocketMessages.encodeAwareness(peer.allAwareness()));
      default -> { } // the stock provider logs and ignores unknown types
    }
  }

}
