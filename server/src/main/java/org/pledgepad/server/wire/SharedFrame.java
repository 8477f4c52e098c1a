package org.pledgepad.server.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.internal.PlatformDependent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * One binary WebSocket message built once as the complete frame the server puts on the wire
 * (RFC 6455: FIN + binary opcode, the payload length, no mask — servers never mask) and written
 * to many sockets: every peer of a document gets the same update, every update of a channel the
 * same SyncStatus. A socket that can take raw frames writes a view of these bytes and nothing
 * else per delivery; Vert.x's WebSocket write would allocate a slice, a frame object, a promise
 * and a new buffer holding header and payload for each socket. Never modified once built.
 */
public final class SharedFrame {
  private static final int FIN_BINARY = 0x82;

  /**
   * Netty copies by address through sun.misc.Unsafe, which it does not use on every JVM (by
   * default not from Java 24 on, where Unsafe's memory access warns; or with -Dio.netty.noUnsafe):
   * a buffer may still report its address then, but only the buffer's own copy works.
   */
  private static final boolean COPY_BY_ADDRESS = PlatformDependent.hasUnsafe();

  /** Header and payload. */
  private final byte[] frame;
  private final int headerBytes;

  private SharedFrame(byte[] bytes) {
    this.frame = bytes;
    this.headerBytes = headerBytes(bytes);
  }

  /** A writer sized for the frame, the header already written: write exactly {@code payloadLength} bytes, then {@link #of}. */
  public static WireWriter writer(int payloadLength) {
    WireWriter w = new WireWriter(headerBytes(payloadLength) + payloadLength).writeByte(FIN_BINARY);
    if (payloadLength < 126) {
      return w.writeByte(payloadLength);
    }
    if (payloadLength < 65_536) {
      return w.writeByte(126).writeByte(payloadLength >>> 8).writeByte(payloadLength);
    }
    w.writeByte(127);
    for (int shift = 56; shift >= 0; shift -= 8) {
      w.writeByte((int) ((long) payloadLength >>> shift));
    }
    return w;
  }

  /** The frame a {@link #writer} holds once its payload is complete. */
  public static SharedFrame of(WireWriter w) {
    return new SharedFrame(w.toByteArray());
  }

  /** A frame carrying {@code message} (a copy of it). */
  public static SharedFrame of(byte[] message) {
    return of(writer(message.length).writeRaw(message));
  }

  static int headerBytes(int payloadLength) {
    return payloadLength < 126 ? 2 : payloadLength < 65_536 ? 4 : 10;
  }

  private static int headerBytes(byte[] frame) {
    int len = frame[1] & 0x7f;
    return len < 126 ? 2 : len == 126 ? 4 : 10;
  }

  /**
   * For one write to a socket's channel: the frame copied into a direct buffer of the channel's
   * allocator, owned (and released) by the write. Both Netty transports write only direct
   * memory and otherwise make that copy themselves, through NIO views of a heap buffer and of
   * the target (two view objects per write, and a buffer object around the heap bytes). Copied
   * here by address: per write, just the pooled buffer. Not one direct buffer shared by every
   * socket (a view per write): its native memory would need an owner that releases it after the
   * last pending write on any event loop, including frames that live as long as their channel,
   * and a missed release leaks memory no collector reclaims.
   */
  public ByteBuf directFrame(ByteBufAllocator alloc) {
    return directFrame(alloc, COPY_BY_ADDRESS);
  }

  ByteBuf directFrame(ByteBufAllocator alloc, boolean byAddress) {
    ByteBuf out = alloc.directBuffer(frame.length, frame.length);
    if (byAddress && out.hasMemoryAddress()) {
      PlatformDependent.copyMemory(frame, 0, out.memoryAddress() + out.writerIndex(), frame.length);
      out.writerIndex(out.writerIndex() + frame.length);
    } else {
      out.writeBytes(frame);
    }
    return out;
  }

  /** The message without the frame header, for sockets written through Vert.x. */
  public Buffer message() {
    return BufferInternal.buffer(Unpooled.wrappedBuffer(frame, headerBytes, frame.length - headerBytes));
  }

  /** Bytes of the message (the frame's payload). */
  public int messageLength() {
    return frame.length - headerBytes;
  }

  /** A copy of the message, for tests and for peers that are not sockets. */
  public byte[] messageBytes() {
    return java.util.Arrays.copyOfRange(frame, headerBytes, frame.length);
  }
}
