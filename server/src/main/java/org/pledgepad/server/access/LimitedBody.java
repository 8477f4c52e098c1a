package org.pledgepad.server.access;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.ext.web.codec.spi.BodyStream;

/**
 * A web client body codec that keeps at most {@code maxBytes} and fails beyond that, so that a
 * misbehaving provider cannot make the server buffer an unbounded response.
 */
final class LimitedBody implements BodyCodec<byte[]> {
  private final int maxBytes;

  LimitedBody(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public BodyStream<byte[]> stream() {
    return new Stream(maxBytes);
  }

  private static final class Stream implements BodyStream<byte[]> {
    private final int max;
    private final Buffer body = Buffer.buffer();
    private final Promise<byte[]> result = Promise.promise();

    Stream(int max) {
      this.max = max;
    }

    @Override
    public Future<byte[]> result() {
      return result.future();
    }

    @Override
    public void handle(Throwable failure) {
      result.tryFail(failure);
    }

    @Override
    public Future<Void> write(Buffer data) {
      if (body.length() + data.length() > max) {
        result.tryFail("response body larger than " + max + " bytes");
        return Future.failedFuture("too large");
      }
      body.appendBuffer(data);
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> end() {
      result.tryComplete(body.getBytes());
      return Future.succeededFuture();
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
      return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
      return this;
    }

    @Override
    public boolean writeQueueFull() {
      return false;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
      return this;
    }
  }
}
