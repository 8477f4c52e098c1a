package org.pledgepad.server.history;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.pledgepad.server.http.SpooledDownloads;

/**
 * The history routes alone on an HTTP server of their own, readable by anyone: for tests and
 * benchmarks of the export as a client receives it. Restores are refused (no live session).
 */
public final class ExportServer {
  private ExportServer() {}

  /** Listens on a free port; the routes' workers close with {@code vertx}. */
  public static Future<HttpServer> serve(Vertx vertx, DocumentHistories histories) {
    LiveSubmit none = (document, actor, connectionId, update) -> Future.failedFuture("no live session here");
    HistoryRoutes routes = new HistoryRoutes(vertx, histories, HistoryAccess.readOnlyGuests(), none, id -> id,
        temporaryDownloads(vertx));
    Router router = Router.router(vertx);
    routes.mount(router);
    return vertx.createHttpServer(org.pledgepad.server.http.HttpProtocol.options()).requestHandler(router).listen(0);
  }

  /** Downloads spooled in a new temporary directory. */
  public static SpooledDownloads temporaryDownloads(Vertx vertx) {
    try {
      return SpooledDownloads.open(vertx, Files.createTempDirectory("pledgepad-downloads"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
