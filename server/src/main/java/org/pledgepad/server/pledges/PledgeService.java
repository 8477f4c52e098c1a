package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.pledges.compare.ComparisonResult;
import org.pledgepad.pledges.compare.DocumentComparison;
import org.pledgepad.pledges.export.LicenceInfo;
import org.pledgepad.pledges.export.OpenDataBundle;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeLink;
import org.pledgepad.server.seed.ProseMirrorSeedEncoder;
import org.pledgepad.server.store.DocumentInfo;
import org.pledgepad.server.store.DocumentStage;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.NewUpdate;
import org.pledgepad.server.store.StoredUpdate;

/**
 * The pledge operations behind the REST routes: keeping the index in step with the CRDT content,
 * comparison, creating pledge documents, and the open-data bundle. Lucene and the CRDT replay run
 * in executeBlocking, never on the event loop.
 */
public final class PledgeService {
  /** Licence of the open-data exports (the texts themselves keep their own licence field). */
  static final LicenceInfo LICENCE = LicenceInfo.dlDeBy20("Pledgepad");
  static final String IMPORT_ACTOR = "pledge-import";

  private final Vertx vertx;
  private final DocumentStore documents;
  private final PledgeStore pledges;
  private final DocumentComparison comparison = new DocumentComparison();

  public PledgeService(Vertx vertx, DocumentStore documents, PledgeStore pledges) {
    this.vertx = vertx;
    this.documents = documents;
    this.pledges = pledges;
  }

  public PledgeStore store() {
    return pledges;
  }

  /**
   * Re-reads a pledge document's CRDT content (snapshot + logged updates: everything committed)
   * into the index and returns the document; empty if it is not a pledge document.
   */
  public Future<Optional<PledgeDocument>> refresh(String name) {
    return pledges.document(name).compose(meta -> {
      if (meta.isEmpty()) {
        return Future.succeededFuture(Optional.<PledgeDocument>empty());
      }
      String chapter = meta.get().chapter();
      return documents.load(name)
          .compose(loaded -> vertx.executeBlocking(() -> {
            Doc doc = new Doc();
            if (loaded.snapshot() != null) {
              Y.applyUpdate(doc, loaded.snapshot());
            }
            for (StoredUpdate u : loaded.tail()) {
              Y.applyUpdate(doc, u.update());
            }
            return PledgeOutline.read(doc, chapter);
          }, false))
          .compose(o -> pledges.replaceIndex(name, o.preamble(), o.pledges()))
          .compose(v -> pledges.document(name));
    });
  }

  /** Refreshed pledge documents among the given CRDT documents. */
  public Future<List<PledgeDocument>> refreshAll(List<String> names) {
    Future<List<PledgeDocument>> chain = Future.succeededFuture(new ArrayList<>());
    for (String n : names) {
      chain = chain.compose(acc -> refresh(n).map(d -> {
        d.ifPresent(acc::add);
        return acc;
      }));
    }
    return chain;
  }

  public Future<ComparisonResult> compare(PledgeDocument a, PledgeDocument b) {
    return pledges.links().compose(links -> {
      List<PledgeLink> plain = links.stream().map(StoredLink::link).toList();
      return vertx.executeBlocking(() -> comparison.compare(a, b, plain), false);
    });
  }

  /**
   * Creates a new CRDT document holding the pledge document (heading per pledge with its id),
   * registers its metadata and indexes it. The caller has checked that the name is free.
   */
  public Future<PledgeDocument> create(PledgeDocument d, DocumentStage stage) {
    byte[] update = ProseMirrorSeedEncoder.encode(PledgeBlocks.of(d, d.title().isEmpty() ? d.id() : d.title(), 1, 2));
    return documents.putDocument(d.id(), d.title().isEmpty() ? d.id() : d.title(), serverKind(d.kind()), stage)
        .compose(v -> documents.append(d.id(), List.of(new NewUpdate(update, IMPORT_ACTOR, IMPORT_ACTOR))))
        .compose(v -> pledges.putMetadata(d))
        .compose(v -> refresh(d.id()))
        .map(Optional::orElseThrow);
  }

  /** Open-data bundle of the public (published, consultation) pledge documents. */
  public Future<OpenDataBundle> openData() {
    return publicDocuments().compose(docs -> {
      Set<String> ids = docs.stream().flatMap(d -> d.pledges().stream()).map(Pledge::id).collect(Collectors.toSet());
      return pledges.links().compose(links -> {
        List<PledgeLink> visible = links.stream().map(StoredLink::link)
            .filter(l -> ids.contains(l.a()) && ids.contains(l.b())).toList();
        List<String> ordered = docs.stream().flatMap(d -> d.pledges().stream()).map(Pledge::id).toList();
        Set<String> names = docs.stream().map(PledgeDocument::id).collect(Collectors.toSet());
        return pledges.statuses(ordered).compose(tracks -> pledges.successions().map(all -> new OpenDataBundle(
            LICENCE, docs, visible,
            tracks.stream().filter(t -> !t.history().isEmpty() || !t.evidence().isEmpty()).toList(),
            // Only successions between two public documents: a draft successor is not yet news.
            all.stream().filter(x -> names.contains(x.predecessorId()) && names.contains(x.successorId())).toList())));
      });
    });
  }

  /** Pledge documents whose CRDT document is published or in consultation, refreshed. */
  public Future<List<PledgeDocument>> publicDocuments() {
    return documents.listDocuments().compose(all -> refreshAll(all.stream()
        .filter(PledgeService::isPublic).map(DocumentInfo::name).toList()));
  }

  public Future<Optional<PledgeDocument>> publicDocument(String name) {
    return documents.document(name).compose(info -> info.isPresent() && isPublic(info.get())
        ? refresh(name) : Future.succeededFuture(Optional.empty()));
  }

  static boolean isPublic(DocumentInfo d) {
    return d.stage() == DocumentStage.PUBLISHED || d.stage() == DocumentStage.CONSULTATION;
  }

  static org.pledgepad.server.store.DocumentKind serverKind(DocumentKind k) {
    return switch (k) {
      case COALITION_AGREEMENT -> org.pledgepad.server.store.DocumentKind.COALITION_AGREEMENT;
      case ELECTION_PROGRAMME -> org.pledgepad.server.store.DocumentKind.PROGRAMME;
      case MOTION -> org.pledgepad.server.store.DocumentKind.MOTION;
    };
  }
}
