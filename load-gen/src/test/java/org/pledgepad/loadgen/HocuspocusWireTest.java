package org.pledgepad.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.lib0.Encoder;

class HocuspocusWireTest {
  private final HocuspocusWire wire = new HocuspocusWire("tok");
  private final FakePeer peer = new FakePeer();
  private final List<byte[]> sent = new ArrayList<>();

  /** varString(name) + varUint(type) + body, written independently of the wire under test. */
  private static byte[] frame(String name, int type, byte... body) {
    Encoder e = new Encoder();
    e.writeVarString(name);
    e.writeVarUint(type);
    for (byte b : body) {
      e.writeUint8(b & 0xff);
    }
    return e.toUint8Array();
  }

  @Test
  void opensWithAuthThenStep1ThenAwarenessLikeTheProvider() {
    List<byte[]> open = wire.opening(peer, new byte[] {0}, new byte[] {1, 5, 0, 2, '{', '}'});
    assertThat(open).hasSize(3);
    // Auth: token sub-type 0, the token, then the provider version
    assertThat(open.get(0)).isEqualTo(frame("doc-1", 2, (byte) 0, (byte) 3, (byte) 't', (byte) 'o', (byte) 'k',
        (byte) 5, (byte) '4', (byte) '.', (byte) '8', (byte) '.', (byte) '0'));
    // Sync step 1 carrying the state vector as varUint8Array
    assertThat(open.get(1)).isEqualTo(frame("doc-1", 0, (byte) 0, (byte) 1, (byte) 0));
    assertThat(open.get(2)).isEqualTo(frame("doc-1", 1, (byte) 6, (byte) 1, (byte) 5, (byte) 0, (byte) 2, (byte) '{', (byte) '}'));
  }

  @Test
  void anEmptyTokenBecomesTheBenchDefault() {
    byte[] auth = new HocuspocusWire("").opening(peer, new byte[] {0}, new byte[] {0}).get(0);
    assertThat(new String(auth, java.nio.charset.StandardCharsets.UTF_8)).contains("bench");
  }

  @Test
  void updatesAreNamePrefixedSyncUpdates() {
    assertThat(wire.update("d", new byte[] {7, 8})).isEqualTo(frame("d", 0, (byte) 2, (byte) 2, (byte) 7, (byte) 8));
  }

  @Test
  void answersStep1WithStep2UnderTheDocumentName() {
    peer.answer = new byte[] {9, 9, 9};
    wire.receive(frame("doc-1", 0, (byte) 0, (byte) 2, (byte) 1, (byte) 2), peer, sent::add);
    assertThat(peer.stateVectors).containsExactly(new byte[] {1, 2});
    assertThat(sent).containsExactly(frame("doc-1", 0, (byte) 1, (byte) 3, (byte) 9, (byte) 9, (byte) 9));
  }

  @Test
  void appliesStep2AndUpdatesAndTellsThemApart() {
    wire.receive(frame("doc-1", 0, (byte) 1, (byte) 1, (byte) 4), peer, sent::add);
    wire.receive(frame("doc-1", 0, (byte) 2, (byte) 1, (byte) 5), peer, sent::add);
    assertThat(peer.applied).containsExactly(new byte[] {4}, new byte[] {5});
    assertThat(peer.step2).containsExactly(true, false);
    assertThat(sent).isEmpty();
  }

  @Test
  void answersPingWithPongAndIgnoresSyncStatus() {
    wire.receive(new byte[] {9}, peer, sent::add);
    wire.receive(frame("doc-1", 8, (byte) 1), peer, sent::add);
    assertThat(sent).containsExactly(new byte[] {10});
    assertThat(peer.applied).isEmpty();
  }

  @Test
  void remoteAwarenessIsAppliedButNotSentAgain() {
    peer.awarenessEcho = new byte[] {1};
    wire.receive(frame("doc-1", 1, (byte) 1, (byte) 0), peer, sent::add);
    assertThat(sent).isEmpty();
  }

  @Test
  void permissionDeniedAndCloseAreRefusals() {
    wire.receive(frame("doc-1", 2, (byte) 1, (byte) 1, (byte) 'x'), peer, sent::add);
    wire.receive(frame("doc-1", 2, (byte) 2, (byte) 1, (byte) 'w'), peer, sent::add); // authenticated
    wire.receive(frame("doc-1", 7, (byte) 0), peer, sent::add);
    assertThat(peer.denied).isEqualTo(2);
  }
}
