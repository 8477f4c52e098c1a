package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.List;
import org.pledgepad.pledges.export.LicenceInfo;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.server.cluster.ClusterFanout;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.store.DocumentStore;

/**
 * The pledge feature as the server wires it: its database, the metadata of the demo documents
 * (registered when their CRDT documents exist but their pledge metadata does not), and the routes.
 */
public final class PledgeModule {
  private final Vertx vertx;
  private final DocumentStore documents;
  private final PledgeDb db;
  private final PledgeService service;
  private final RenderedFiles files;
  private PledgeGuard guard;
  private PledgeReadLimit readLimit;
  private Clock clock = Clock.systemUTC();

  private PledgeModule(Vertx vertx, DocumentStore documents, PledgeDb db, boolean cached, LicenceInfo licence) {
    this.vertx = vertx;
    this.documents = documents;
    this.db = db;
    this.service = new PledgeService(vertx, documents, new PledgeStore(db), cached, licence);
    this.guard = new StageOnlyGuard(documents);
    this.files = new RenderedFiles(vertx);
  }

  /** Opens the pledge database and registers the demo documents' metadata. */
  public static Future<PledgeModule> start(Vertx vertx, ServerConfig config, DocumentStore documents) {
    LicenceInfo licence;
    try {
      licence = OpenDataLicence.fromEnv(System.getenv());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return start(vertx, config, documents, true, licence);
  }

  /** With {@code cached = false} every request reads and compares afresh (benchmark baseline). */
  static Future<PledgeModule> start(Vertx vertx, ServerConfig config, DocumentStore documents, boolean cached,
      LicenceInfo licence) {
    PledgeModule m = new PledgeModule(vertx, documents, PledgeDb.forConfig(vertx, config), cached, licence);
    return m.db.start().compose(v -> m.registerSeed()).map(v -> m);
  }

  /** Replaces the default (anonymous) guard, e.g. with the server's request guard. */
  public PledgeModule guard(PledgeGuard g) {
    this.guard = g;
    return this;
  }

  /** The clock that dates links and status changes (tests: a node whose clock is behind). */
  PledgeModule clock(Clock c) {
    this.clock = c;
    return this;
  }

  /**
   * Nodes sharing the PostgreSQL database: drops this node's cached readings when another node
   * changes pledge metadata, and after the listening connection came back (it may have missed some).
   */
  public void followOtherNodes(ClusterFanout fanout) {
    fanout.listen(PledgeChanges.CHANNEL, document -> service.changedElsewhere(), service::changedElsewhere);
  }

  public PledgeService service() {
    return service;
  }

  /** Mount before the generic /api catch-all (once; the guard must be set before). */
  public void mount(Router router) {
    readLimit = new PledgeReadLimit(guard);
    router.get("/api/openapi/pledges.yaml").handler(OpenApiRoute::serve);
    new PledgeImportRoutes(vertx, service, documents, guard).mount(router);
    new PledgeApiRoutes(service, documents, guard, clock, readLimit).mount(router);
    new OpenDataRoutes(service, readLimit, files).mount(router);
  }

  /** The per-client limit of comparisons and open-data files (tests; set by {@link #mount}). */
  PledgeReadLimit readLimit() {
    return readLimit;
  }

  /** The rendered open-data files (tests count renders). */
  RenderedFiles files() {
    return files;
  }

  public Future<Void> close() {
    return db.close();
  }

  private Future<Void> registerSeed() {
    Future<Void> chain = Future.succeededFuture();
    for (PledgeDocument d : List.of(KasselPledgeSeed.coalition(), KasselPledgeSeed.programme())) {
      chain = chain.compose(v -> documents.document(d.id())).compose(info -> {
        if (info.isEmpty()) {
          return Future.succeededFuture();
        }
        return service.store().document(d.id()).compose(existing -> existing.isPresent()
            ? Future.<Void>succeededFuture()
            : service.putMetadata(d).compose(x -> service.refresh(d.id())).mapEmpty());
      });
    }
    return chain;
  }
}
