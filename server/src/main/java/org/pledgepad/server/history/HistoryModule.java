package org.pledgepad.server.history;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.auth.AuthHook;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.session.SessionRegistry;

/** Wires the history endpoints into the server: one line in ServerVerticle. */
public final class HistoryModule {
  private HistoryModule() {}

  /** Mount before ApiRoutes (its /api/* catch-all). */
  public static HistoryRoutes mount(Router router, Vertx vertx, ServerConfig config, SessionRegistry sessions,
      AuthHook auth) {
    HistoryAccess access;
    java.util.function.Function<String, String> names;
    if (auth instanceof AccessControl ac) {
      access = ac.guard()::require;
      names = id -> ac.users().findById(id).map(u -> u.user().displayName()).orElse(null);
    } else {
      access = HistoryAccess.readOnlyGuests();
      names = id -> id;
    }
    HistoryRoutes routes = new HistoryRoutes(vertx, new DocumentHistories(HistoryDb.of(config)), access, sessions, names);
    routes.mount(router);
    return routes;
  }
}
