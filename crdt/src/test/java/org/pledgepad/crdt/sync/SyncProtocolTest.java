package org.pledgepad.crdt.sync;

// Checks SyncProtocol and YWebsocketMessages against y-protocols/sync.js (1.0.7) output recorded
// by crdt/conformance/lib0/gen-vectors.mjs, and the y-websocket framing facts.

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.pledgepad.crdt.lib0.Decoder;
import org.pledgepad.crdt.lib0.DecodingException;
import org.pledgepad.crdt.lib0.Encoder;
import org.pledgepad.crdt.lib0.Vectors;
import org.junit.jupiter.api.Test;

class SyncProtocolTest {
  private final Map<String, Object> v = Vectors.map("sync");
  private final byte[] sv = Vectors.bytes(v.get("stateVector"));
  private final byte[] update = Vectors.bytes(v.get("update"));

  @Test
  void writersProduceYProtocolsBytes() {
    Encoder e = new Encoder();
    SyncProtocol.writeSyncStep1(e, sv);
    assertThat(Vectors.hex(e.toUint8Array())).isEqualTo(v.get("step1"));
    e = new Encoder();
    SyncProtocol.writeSyncStep2(e, update);
    assertThat(Vectors.hex(e.toUint8Array())).isEqualTo(v.get("step2"));
    e = new Encoder();
    SyncProtocol.writeUpdate(e, update);
    assertThat(Vectors.hex(e.toUint8Array())).isEqualTo(v.get("updateMsg"));
  }

  @Test
  void readerReturnsTypeAndPayload() {
    SyncMessage m1 = SyncProtocol.readSyncMessage(new Decoder(Vectors.bytes(v.get("step1"))));
    assertThat(m1.type()).isEqualTo(SyncProtocol.MESSAGE_YJS_SYNC_STEP1);
    assertThat(m1.isStep1()).isTrue();
    assertThat(m1.payload()).isEqualTo(sv);
    SyncMessage m2 = SyncProtocol.readSyncMessage(new Decoder(Vectors.bytes(v.get("step2"))));
    assertThat(m2.type()).isEqualTo(SyncProtocol.MESSAGE_YJS_SYNC_STEP2);
    assertThat(m2.carriesUpdate()).isTrue();
    assertThat(m2.payload()).isEqualTo(update);
    SyncMessage m3 = SyncProtocol.readSyncMessage(new Decoder(Vectors.bytes(v.get("updateMsg"))));
    assertThat(m3.type()).isEqualTo(SyncProtocol.MESSAGE_YJS_UPDATE);
    assertThat(m3.payload()).isEqualTo(update);
  }

  @Test
  void unknownSyncTypeIsRejected() {
    assertThatThrownBy(() -> SyncProtocol.readSyncMessage(new Decoder(new byte[] {3, 0})))
        .isInstanceOf(DecodingException.class);
  }

  @Test
  void truncatedPayloadIsRejected() {
    byte[] step2 = Vectors.bytes(v.get("step2"));
    byte[] cut = java.util.Arrays.copyOf(step2, step2.length - 1);
    assertThatThrownBy(() -> SyncProtocol.readSyncMessage(new Decoder(cut))).isInstanceOf(DecodingException.class);
  }

  @Test
  void yWebsocketFramesPrefixTheMessageType() {
    byte[] f = YWebsocketMessages.encodeSyncStep1(sv);
    assertThat(Vectors.hex(f)).isEqualTo("00" + v.get("step1"));
    YWebsocketMessage m = YWebsocketMessages.decode(f);
    assertThat(m).isInstanceOf(YWebsocketMessage.Sync.class);
    assertThat(((YWebsocketMessage.Sync) m).message().payload()).isEqualTo(sv);
    assertThat(Vectors.hex(YWebsocketMessages.encodeSyncStep2(update))).isEqualTo("00" + v.get("step2"));
    assertThat(Vectors.hex(YWebsocketMessages.encodeUpdate(update))).isEqualTo("00" + v.get("updateMsg"));
  }

  @Test
  void awarenessAuthAndQueryFramesRoundTrip() {
    byte[] aw = {1, 5, 0, 4, 'n', 'u', 'l', 'l'};
    byte[] f = YWebsocketMessages.encodeAwareness(aw);
    assertThat(f[0]).isEqualTo((byte) 1);
    assertThat(((YWebsocketMessage.Awareness) YWebsocketMessages.decode(f)).update()).isEqualTo(aw);
    byte[] denied = YWebsocketMessages.encodePermissionDenied("read-only Zugriff");
    assertThat(Vectors.hex(denied)).startsWith("0200");
    assertThat(((YWebsocketMessage.PermissionDenied) YWebsocketMessages.decode(denied)).reason())
        .isEqualTo("read-only Zugriff");
    assertThat(YWebsocketMessages.encodeQueryAwareness()).containsExactly(3);
    assertThat(YWebsocketMessages.decode(new byte[] {3})).isInstanceOf(YWebsocketMessage.QueryAwareness.class);
  }

  @Test
  void framesWithTrailingBytesOrUnknownTypesAreRejected() {
    assertThatThrownBy(() -> YWebsocketMessages.decode(new byte[] {3, 0})).isInstanceOf(DecodingException.class);
    assertThatThrownBy(() -> YWebsocketMessages.decode(new byte[] {4})).isInstanceOf(DecodingException.class);
    assertThatThrownBy(() -> YWebsocketMessages.decode(new byte[] {})).isInstanceOf(DecodingException.class);
    assertThatThrownBy(() -> YWebsocketMessages.decode(new byte[] {2, 1})).isInstanceOf(DecodingException.class);
  }
}
