package org.pledgepad.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.sync.YWebsocketMessage;
import org.pledgepad.crdt.sync.YWebsocketMessages;

class YWebsocketWireTest {
  private final YWebsocketWire wire = new YWebsocketWire();
  private final FakePeer peer = new FakePeer();
  private final List<byte[]> sent = new ArrayList<>();

  @Test
  void urlAppendsTheDocumentAndTheEncodedToken() {
    assertThat(wire.url("ws://h:1/ws", "d-1", "a+b/c")).isEqualTo("ws://h:1/ws/d-1?token=a%2Bb%2Fc");
    assertThat(wire.url("ws://h:1", "d-1", "")).isEqualTo("ws://h:1/d-1");
  }

  /** The server's own decoder (crdt sync package) reads what the generator sends. */
  @Test
  void openingIsStep1ThenAwarenessAsTheServerDecodesThem() {
    List<byte[]> open = wire.opening(peer, new byte[] {0}, new byte[] {1, 5, 0, 2, '{', '}'});
    YWebsocketMessage first = YWebsocketMessages.decode(open.get(0));
    assertThat(first).isInstanceOfSatisfying(YWebsocketMessage.Sync.class, s -> {
      assertThat(s.message().isStep1()).isTrue();
      assertThat(s.message().payload()).containsExactly(0);
    });
    assertThat(YWebsocketMessages.decode(open.get(1))).isInstanceOfSatisfying(YWebsocketMessage.Awareness.class,
        a -> assertThat(a.update()).containsExactly(1, 5, 0, 2, '{', '}'));
    YWebsocketMessage update = YWebsocketMessages.decode(wire.update("ignored", new byte[] {3, 4}));
    assertThat(update).isInstanceOfSatisfying(YWebsocketMessage.Sync.class, s -> {
      assertThat(s.message().carriesUpdate()).isTrue();
      assertThat(s.message().payload()).containsExactly(3, 4);
    });
  }

  @Test
  void answersStep1AndAppliesStep2AndUpdates() {
    peer.answer = new byte[] {7};
    wire.receive(YWebsocketMessages.encodeSyncStep1(new byte[] {0}), peer, sent::add);
    wire.receive(YWebsocketMessages.encodeSyncStep2(new byte[] {1}), peer, sent::add);
    wire.receive(YWebsocketMessages.encodeUpdate(new byte[] {2}), peer, sent::add);
    assertThat(sent).containsExactly(YWebsocketMessages.encodeSyncStep2(new byte[] {7}));
    assertThat(peer.applied).containsExactly(new byte[] {1}, new byte[] {2});
    assertThat(peer.step2).containsExactly(true, false);
  }

  @Test
  void newRemoteAwarenessIsBroadcastAgainLikeTheProvider() {
    wire.receive(YWebsocketMessages.encodeAwareness(new byte[] {0}), peer, sent::add);
    assertThat(sent).isEmpty(); // nothing new
    peer.awarenessEcho = new byte[] {1, 2};
    wire.receive(YWebsocketMessages.encodeAwareness(new byte[] {0}), peer, sent::add);
    assertThat(sent).containsExactly(YWebsocketMessages.encodeAwareness(new byte[] {1, 2}));
  }

  @Test
  void answersQueryAwarenessAndNotesPermissionDenied() {
    peer.all = new byte[] {1, 1, 0, 2, '{', '}'};
    wire.receive(YWebsocketMessages.encodeQueryAwareness(), peer, sent::add);
    wire.receive(YWebsocketMessages.encodePermissionDenied("no"), peer, sent::add);
    assertThat(sent).containsExactly(YWebsocketMessages.encodeAwareness(peer.all));
    assertThat(peer.denied).isEqualTo(1);
  }
}
