package org.pledgepad.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import org.junit.jupiter.api.Test;

class SharedFrameTest {
  /** Netty's own encoder for the same message: what Vert.x puts on the wire for one frame. */
  private static byte[] nettyFrame(byte[] message) {
    EmbeddedChannel ch = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
    ch.writeOutbound(new BinaryWebSocketFrame(io.netty.buffer.Unpooled.wrappedBuffer(message)));
    io.netty.buffer.CompositeByteBuf all = io.netty.buffer.Unpooled.compositeBuffer();
    for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
      all.addComponent(true, b);
    }
    byte[] out = new byte[all.readableBytes()];
    all.readBytes(out);
    all.release();
    return out;
  }

  private static byte[] bytes(ByteBuf b) {
    byte[] out = new byte[b.readableBytes()];
    b.getBytes(b.readerIndex(), out);
    return out;
  }

  private static byte[] message(int length) {
    byte[] m = new byte[length];
    for (int i = 0; i < length; i++) {
      m[i] = (byte) (i * 31 + 7);
    }
    return m;
  }

  @Test
  void isByteForByteWhatNettyEncodesAtEveryLengthForm() {
    for (int length : new int[] {0, 1, 125, 126, 127, 65_535, 65_536, 70_000}) {
      byte[] m = message(length);
      ByteBuf frame = SharedFrame.of(m).retainedFrame();
      assertThat(bytes(frame)).as("length %d", length).isEqualTo(nettyFrame(m));
      frame.release();
    }
  }

  @Test
  void decodesAsOneBinaryMessage() {
    byte[] m = message(300);
    EmbeddedChannel ch = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 20, false));
    // A client's decoder: server frames arrive unmasked.
    ch.writeInbound(SharedFrame.of(m).retainedFrame());
    BinaryWebSocketFrame f = ch.readInbound();
    assertThat(f.isFinalFragment()).isTrue();
    assertThat(bytes(f.content())).isEqualTo(m);
    f.release();
  }

  @Test
  void aWriterBuildsTheSameFrameAsACopiedMessage() {
    byte[] m = message(200);
    SharedFrame built = SharedFrame.of(SharedFrame.writer(m.length).writeRaw(m));
    assertThat(bytes(built.retainedFrame())).isEqualTo(bytes(SharedFrame.of(m).retainedFrame()));
    assertThat(built.messageBytes()).isEqualTo(m);
    assertThat(built.messageLength()).isEqualTo(200);
    assertThat(built.message().getBytes()).isEqualTo(m);
  }

  @Test
  void eachWriteHasItsOwnViewAndReleasingOneLeavesTheOthers() {
    byte[] m = message(10);
    SharedFrame shared = SharedFrame.of(m);
    ByteBuf first = shared.retainedFrame();
    ByteBuf second = shared.retainedFrame();
    first.skipBytes(first.readableBytes()); // a channel wrote it out
    first.release();
    assertThat(bytes(second)).isEqualTo(nettyFrame(m));
    second.release();
    assertThat(bytes(shared.retainedFrame())).as("still readable after every write released").isEqualTo(nettyFrame(m));
  }
}
