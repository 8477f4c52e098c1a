package org.pledgepad.auth.oidc;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeoutException;

/**
 * One exchange with the identity provider, bounded every way a broken provider could hold us: no
 * redirects, an idle timeout and a deadline for the whole exchange (a provider sending a byte
 * every few seconds never trips an idle timeout), the body read only for 200 and only up to
 * {@code maxBytes}. Past the deadline or the limit the request is reset, so the connection ends too.
 */
final class OidcHttp {
  /** The status, and for 200 the body (null otherwise: it is not read). */
  record Answer(int status, byte[] body) {}

  private OidcHttp() {}

  /**
   * Runs on {@code context}: the response's data handler must be installed when the response head
   * arrives, and only when the request was made on the context that the response is dispatched
   * to do the future callbacks run inline (from a foreign thread they are queued, and the body may
   * already have been delivered).
   */
  static Future<Answer> send(Context context, HttpClient http, RequestOptions options, Buffer body, int maxBytes,
      long deadlineMs) {
    Promise<Answer> result = Promise.promise();
    context.runOnContext(v -> exchange(context, http, options.setFollowRedirects(false).setTimeout(deadlineMs), body,
        maxBytes, deadlineMs).onComplete(result));
    return result.future();
  }

  private static Future<Answer> exchange(Context context, HttpClient http, RequestOptions options, Buffer body,
      int maxBytes, long deadlineMs) {
    String what = "OIDC: " + options.getMethod() + " " + options.getURI();
    Promise<Answer> result = Promise.promise();
    HttpClientRequest[] made = new HttpClientRequest[1]; // touched on this context only
    // From before the connection is asked for: connecting counts against the deadline too.
    long deadline = context.owner().setTimer(deadlineMs, id -> {
      TimeoutException late = new TimeoutException(what + " took over " + deadlineMs + " ms");
      if (result.tryFail(late) && made[0] != null) {
        made[0].reset(0, late);
      }
    });
    http.request(options.setConnectTimeout(deadlineMs)).onComplete(ar -> {
      if (ar.failed()) {
        result.tryFail(ar.cause());
      } else if (result.future().isComplete()) {
        ar.result().reset(); // connected after the deadline
      } else {
        made[0] = ar.result();
        answer(made[0], body, what, maxBytes).onComplete(result);
      }
    });
    return result.future().onComplete(ar -> context.owner().cancelTimer(deadline));
  }

  private static Future<Answer> answer(HttpClientRequest request, Buffer body, String what, int maxBytes) {
    return (body == null ? request.send() : request.send(body)).compose(resp -> {
      if (resp.statusCode() != 200) {
        resp.request().reset();
        return Future.succeededFuture(new Answer(resp.statusCode(), null));
      }
      String length = resp.getHeader("Content-Length");
      if (length != null && (!length.matches("[0-9]{1,10}") || Long.parseLong(length) > maxBytes)) {
        resp.request().reset();
        return Future.failedFuture(what + " body too large");
      }
      Promise<Answer> promise = Promise.promise();
      Buffer received = Buffer.buffer();
      resp.handler(chunk -> {
        if (received.length() + chunk.length() > maxBytes) {
          promise.tryFail(what + " body too large");
          resp.request().reset();
        } else {
          received.appendBuffer(chunk);
        }
      });
      resp.exceptionHandler(promise::tryFail);
      resp.endHandler(v -> promise.tryComplete(new Answer(200, received.getBytes())));
      return promise.future();
    });
  }
}
