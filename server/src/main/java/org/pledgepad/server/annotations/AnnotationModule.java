package org.pledgepad.server.annotations;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.function.UnaryOperator;
import org.pledgepad.annotations.repo.AnnotationRepository;
import org.pledgepad.annotations.service.Annotations;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.auth.AuthHook;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.session.SessionRegistry;
import org.pledgepad.server.store.DocumentStore;

/**
 * Annotations in the server, wired in one call from ServerVerticle: the SQL repository of the
 * configured database, the library's services, the REST routes and the live push. Principals
 * come from the access layer's guard when the server runs with it (production), else every
 * caller is a guest.
 */
public final class AnnotationModule {
  private AnnotationModule() {}

  /**
   * Applied to the SQL repository when the routes are mounted. Tests put a repository in between
   * that holds a chosen call (nothing else can keep a read in flight deterministically); set
   * before the server starts.
   */
  static volatile UnaryOperator<AnnotationRepository> repositoryInTests = UnaryOperator.identity();

  /** Mounts the routes; call before ApiRoutes (its /api/* catch-all). */
  public static void mount(Router router, Vertx vertx, ServerConfig config, DocumentStore store,
      SessionRegistry sessions, AuthHook auth) {
    mount(router, vertx, config, store, sessions, auth, StatusEntries.NONE);
  }

  /** As above, with comments on the status entries that {@code statusEntries} confirms. */
  public static void mount(Router router, Vertx vertx, ServerConfig config, DocumentStore store,
      SessionRegistry sessions, AuthHook auth, StatusEntries statusEntries) {
    AnnotationRepository repo = repositoryInTests.apply(new SqlAnnotationRepository(AnnotationDb.forConfig(config)));
    AnnotationCallers callers = auth instanceof AccessControl ac
        ? AnnotationCallers.of(ac.guard()) : AnnotationCallers.guestsOnly();
    Annotations annotations = Annotations.withDefaults(repo);
    new AnnotationRoutes(vertx, store, sessions, annotations, repo, callers, statusEntries).mount(router);
    AcceptReconciliation.start(vertx, annotations, org.pledgepad.server.history.HistoryDb.of(config),
        new AnnotationPush(sessions));
  }
}
