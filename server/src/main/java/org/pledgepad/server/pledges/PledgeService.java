package org.pledgepad.server.pledges;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.pledges.compare.ComparisonResult;
import org.pledgepad.pledges.compare.DocumentComparison;
import org.pledgepad.pledges.compare.PledgeComparator;
import org.pledgepad.pledges.compare.SuggestionSet;
import org.pledgepad.pledges.export.LicenceInfo;
import org.pledgepad.pledges.export.OpenDataBundle;
import org.pledgepad.pledges.model.StatusChange;
import org.pledgepad.pledges.model.StatusTrack;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeLink;
import org.pledgepad.pledges.model.Succession;
import org.pledgepad.server.cache.BoundedCache;
import org.pledgepad.server.seed.ProseMirrorSeedEncoder;
import org.pledgepad.server.store.DocumentInfo;
import org.pledgepad.server.store.DocumentStage;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.LoadedDocument;
import org.pledgepad.server.store.NewUpdate;
import org.pledgepad.server.store.StoredUpdate;

/**
 * The pledge operations behind the REST routes: keeping the index in step with the CRDT content,
 * comparison, creating pledge documents, and the open-data bundle. Lucene and the CRDT replay run
 * in executeBlocking, never on the event loop.
 *
 * <p>Caching (on unless constructed without): a pledge document read from its CRDT content is kept
 * per document with the head seq it was read at; a later read that finds the same head seq (one
 * cheap query of the document store) reuses it instead of loading, replaying and re-indexing. A
 * commit moves the head seq, so the next read re-reads. Metadata changes made through this class
 * bump a generation that invalidates every entry, on every node sharing the PostgreSQL database
 * ({@link PledgeChanges}); entries older than {@link #MAX_AGE_MILLIS} are
 * re-read anyway, which bounds how long a rewrite outside the update log (history erasure keeps
 * the head seq), or a change whose notification was lost, can stay unseen. The suggestions of a pair of documents depend only on their texts
 * and are kept per (document, head seq) pair; links are applied on every request, so confirming
 * a link shows at once. Both caches are bounded by weight and shared between event loops.
 */
public final class PledgeService {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PledgeService.class);
  static final String IMPORT_ACTOR = "pledge-import";
  static final long MAX_AGE_MILLIS = 30_000;
  /** Characters of pledge text kept in the document cache (about 16 MB of chars). */
  static final long MAX_CACHED_CHARS = 8_000_000;
  /** Suggestions kept in the comparison cache. */
  static final long MAX_CACHED_SUGGESTIONS = 200_000;

  /** A document's pledges (empty: not a pledge document) as read at head seq {@code seq}. */
  record Indexed(long seq, long generation, long readAt, Optional<PledgeDocument> document) {}

  /** One pair of document versions. */
  record PairKey(String a, long seqA, String b, long seqB, long generation) {}

  private final Vertx vertx;
  private final DocumentStore documents;
  private final PledgeStore pledges;
  private final PledgeComparator comparator = new PledgeComparator();
  private final DocumentComparison comparison = new DocumentComparison(comparator);
  private final AtomicLong generation = new AtomicLong();
  /** Licence of the open-data exports (the texts themselves keep their own licence field). */
  private final LicenceInfo licence;
  private final BoundedCache<String, Indexed> indexed;
  private final BoundedCache<PairKey, SuggestionSet> suggestions;
  private final java.util.concurrent.atomic.AtomicLong suggestionsComputed = new java.util.concurrent.atomic.AtomicLong();
  /** Suggestions being computed now, by the texts they are for. */
  private final java.util.concurrent.ConcurrentHashMap<PairKey, Future<SuggestionSet>> computing =
      new java.util.concurrent.ConcurrentHashMap<>();

  public PledgeService(Vertx vertx, DocumentStore documents, PledgeStore pledges) {
    this(vertx, documents, pledges, true, LicenceInfo.dlDeBy20("Pledgepad"));
  }

  /** {@code cached = false} reads and compares afresh on every request (the benchmark's baseline). */
  PledgeService(Vertx vertx, DocumentStore documents, PledgeStore pledges, boolean cached, LicenceInfo licence) {
    this.vertx = vertx;
    this.licence = licence;
    this.documents = documents;
    this.pledges = pledges;
    this.indexed = cached ? new BoundedCache<>(MAX_CACHED_CHARS, PledgeService::weight) : null;
    this.suggestions = cached ? new BoundedCache<>(MAX_CACHED_SUGGESTIONS, PledgeService::weight) : null;
  }

  public PledgeStore store() {
    return pledges;
  }

  public LicenceInfo licence() {
    return licence;
  }

  /** Writes a document's metadata and makes every cached reading stale. */
  public Future<Void> putMetadata(PledgeDocument d) {
    return pledges.putMetadata(d).onComplete(x -> generation.incrementAndGet());
  }

  /**
   * Another node changed pledge metadata ({@link PledgeChanges}), or this node may have missed such
   * news (its listening connection was down): every cached reading is stale.
   */
  public void changedElsewhere() {
    generation.incrementAndGet();
  }

  /**
   * The pledge document as its CRDT content stands (snapshot + logged updates: everything
   * committed), with the index brought in step; empty if it is not a pledge document.
   */
  public Future<Optional<PledgeDocument>> refresh(String name) {
    if (indexed == null) {
      return reindex(name, generation.get()).map(Indexed::document);
    }
    long gen = generation.get();
    return documents.document(name).compose(info -> {
      Indexed hit = indexed.get(name);
      if (hit != null && info.isPresent() && hit.seq() == info.get().headSeq() && hit.generation() == gen
          && System.currentTimeMillis() - hit.readAt() < MAX_AGE_MILLIS) {
        return Future.succeededFuture(hit.document());
      }
      return reindex(name, gen).map(fresh -> {
        if (fresh.document().isPresent()) {
          indexed.put(name, fresh);
        }
        return fresh.document();
      });
    });
  }

  /** Re-reads the CRDT content into the index (the slow path). */
  private Future<Indexed> reindex(String name, long gen) {
    long readAt = System.currentTimeMillis();
    return pledges.document(name).compose(meta -> {
      if (meta.isEmpty()) {
        // Only putMetadata makes a document a pledge document, and it bumps the generation.
        return Future.succeededFuture(new Indexed(-1, gen, readAt, Optional.<PledgeDocument>empty()));
      }
      String chapter = meta.get().chapter();
      return documents.load(name)
          .compose(loaded -> {
            if (loaded.snapshot() == null && loaded.tail().isEmpty()) {
              // An import between taking its pledge ids and appending its text: reading the empty
              // document now would drop the ids from the index and free them for another import.
              return Future.succeededFuture(new Indexed(0, gen, readAt, meta));
            }
            return indexFrom(name, chapter, loaded, gen, readAt);
          });
    });
  }

  /** Replays the CRDT content (a worker) and writes what it reads into the index. */
  private Future<Indexed> indexFrom(String name, String chapter, LoadedDocument loaded, long gen, long readAt) {
    return vertx.executeBlocking(() -> {
          Doc doc = new Doc();
          if (loaded.snapshot() != null) {
            Y.applyUpdate(doc, loaded.snapshot());
          }
          for (StoredUpdate u : loaded.tail()) {
            Y.applyUpdate(doc, u.update());
          }
          return new Read(loaded.headSeq(), PledgeOutline.read(doc, chapter));
        }, false)
        .compose(r -> pledges.replaceIndex(name, r.outline().preamble(), r.outline().pledges())
            .compose(v -> pledges.document(name))
            .map(d -> new Indexed(r.seq(), gen, readAt, d)));
  }

  private record Read(long seq, PledgeOutline.Outline outline) {}

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
    return pledges.links().compose(links -> compare(a, b, links.stream().map(StoredLink::link).toList()));
  }

  /**
   * The comparison with the given links; suggestions come from the cache when both texts are
   * unchanged. Requests that arrive while the suggestions of the same texts are being computed
   * wait for that one computation (seconds of CPU for documents of hundreds of pledges) instead of
   * each starting their own: after an edit, every reader's page asks at about the same time.
   */
  public Future<ComparisonResult> compare(PledgeDocument a, PledgeDocument b, List<PledgeLink> links) {
    PairKey key = pairKey(a, b);
    Future<SuggestionSet> s;
    if (key == null) {
      s = vertx.executeBlocking(() -> {
        suggestionsComputed.incrementAndGet();
        return comparator.suggest(a, b);
      }, false);
    } else {
      SuggestionSet cached = suggestions.get(key);
      s = cached != null ? Future.succeededFuture(cached) : computing.computeIfAbsent(key, k -> {
        Future<SuggestionSet> f = vertx.executeBlocking(() -> {
          suggestionsComputed.incrementAndGet();
          SuggestionSet computed = comparator.suggest(a, b);
          suggestions.put(k, computed);
          return computed;
        }, false);
        f.onComplete(ar -> computing.remove(k));
        return f;
      });
    }
    return s.compose(set -> vertx.executeBlocking(() -> comparison.compare(a, b, links, set), false));
  }

  /** How many times suggestions were computed (not taken from the cache or from a computation running). */
  long suggestionsComputed() {
    return suggestionsComputed.get();
  }

  /** The cache key of two documents this service read, or null when either is not the cached reading. */
  private PairKey pairKey(PledgeDocument a, PledgeDocument b) {
    if (indexed == null) {
      return null;
    }
    Indexed ia = indexed.get(a.id());
    Indexed ib = indexed.get(b.id());
    // Identity: the very objects this cache handed out, so their versions are known exactly.
    if (ia == null || ib == null || ia.document().orElse(null) != a || ib.document().orElse(null) != b
        || ia.generation() != ib.generation()) {
      return null;
    }
    return new PairKey(a.id(), ia.seq(), b.id(), ib.seq(), ia.generation());
  }

  private static long weight(Indexed i) {
    return i.document().map(d -> {
      long n = d.title().length() + d.preamble().stream().mapToLong(String::length).sum();
      for (Pledge p : d.pledges()) {
        n += p.title().length() + p.body().length() + p.fullText().stream().mapToLong(String::length).sum();
      }
      return n;
    }).orElse(1L);
  }

  private static long weight(SuggestionSet s) {
    return 1 + s.byPledge().values().stream().mapToLong(List::size).sum();
  }

  /**
   * Creates the documents of an import with their pledge rows; a race with another import (on
   * this node or another) leaves nothing behind. First every name is taken with the document
   * store's create-if-absent, in order; then every pledge row of the file in one transaction of the
   * pledge tables, which also takes the pledge ids ({@link PledgeStore#importDocuments}). When a
   * name or an id is lost, the documents this call created are deleted again (they are still
   * empty: {@link DocumentStore#deleteIfEmpty}) and the answer is {@link PledgeConflictException}
   * (409). Only then is each document's text appended (a heading per pledge with its id) and read
   * back into the index. A storage failure after the pledge rows were written leaves what was
   * written (503): the document store and the pledge tables share no transaction.
   */
  public Future<List<PledgeDocument>> importDocuments(List<PledgeDocument> docs, List<PledgeLink> links,
      List<StatusTrack> tracks, List<Succession> successions, DocumentStage stage, String actor, Instant at) {
    List<String> created = new ArrayList<>();
    Future<Void> names = Future.succeededFuture();
    for (PledgeDocument d : docs) {
      names = names.compose(v -> documents.createDocument(d.id(), displayTitle(d), serverKind(d.kind()), stage))
          .compose(ok -> {
            if (!ok) {
              return Future.failedFuture(new PledgeConflictException("a document with this name exists"));
            }
            created.add(d.id());
            return Future.succeededFuture();
          });
    }
    Future<Void> rows = names
        .compose(v -> pledges.importDocuments(docs, links, tracks, successions, actor, at))
        .onSuccess(v -> generation.incrementAndGet())
        .recover(e -> release(created).transform(x -> Future.failedFuture(e)));
    Future<List<PledgeDocument>> chain = rows.map(v -> new ArrayList<>());
    for (PledgeDocument d : docs) {
      byte[] update = ProseMirrorSeedEncoder.encode(PledgeBlocks.of(d, displayTitle(d), 1, 2));
      chain = chain.compose(acc -> documents.append(d.id(), List.of(new NewUpdate(update, IMPORT_ACTOR, IMPORT_ACTOR)))
          .compose(v -> refresh(d.id()))
          .map(read -> {
            acc.add(read.orElseThrow());
            return acc;
          }));
    }
    return chain;
  }

  /** Deletes the documents an import created before it lost a race; each is still empty. */
  private Future<Void> release(List<String> created) {
    Future<Void> chain = Future.succeededFuture();
    for (String name : created) {
      chain = chain.compose(v -> documents.deleteIfEmpty(name)
          .onFailure(e -> LOG.warn("An import that lost a race could not free a name it had taken; it stays an empty document"))
          .<Void>mapEmpty().recover(e -> Future.succeededFuture()));
    }
    return chain;
  }

  private static String displayTitle(PledgeDocument d) {
    return d.title().isEmpty() ? d.id() : d.title();
  }

  /**
   * Open data names no person: a status change's {@code changedBy} and a link's {@code createdBy}
   * hold the account id of whoever clicked (a citizen may act under a pseudonym, and an id is
   * personal data however opaque), and the rows carry no office or role to publish instead. The
   * fields stay, empty, so that the file formats and their importers do not change. Notes stay:
   * they are the public reason for a status (erasure blanks them with the person).
   */
  static StatusTrack unattributed(StatusTrack t) {
    return new StatusTrack(t.pledgeId(), t.history().stream()
        .map(c -> new StatusChange(c.status(), c.at(), "", c.note())).toList(), t.evidence());
  }

  static PledgeLink unattributed(PledgeLink l) {
    return new PledgeLink(l.a(), l.b(), l.kind(), "", l.createdAt(), l.origin());
  }

  /** Open-data bundle of the public (published, consultation) pledge documents. */
  public Future<OpenDataBundle> openData() {
    return publicDocuments().compose(docs -> {
      Set<String> ids = docs.stream().flatMap(d -> d.pledges().stream()).map(Pledge::id).collect(Collectors.toSet());
      return pledges.links().compose(links -> {
        List<PledgeLink> visible = links.stream().map(StoredLink::link)
            .filter(l -> ids.contains(l.a()) && ids.contains(l.b())).map(PledgeService::unattributed).toList();
        List<String> ordered = docs.stream().flatMap(d -> d.pledges().stream()).map(Pledge::id).toList();
        Set<String> names = docs.stream().map(PledgeDocument::id).collect(Collectors.toSet());
        return pledges.statuses(ordered).compose(tracks -> pledges.successions().map(all -> new OpenDataBundle(
            licence, docs, visible,
            tracks.stream().filter(t -> !t.history().isEmpty() || !t.evidence().isEmpty())
                .map(PledgeService::unattributed).toList(),
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
