package org.pledgepad.server.seed;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;
import org.pledgepad.server.pledges.KasselPledgeSeed;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.NewUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the first start with an empty store, creates the demo documents: metadata, then their
 * content as the first logged update (so the history starts with the seed, like any edit).
 */
public final class DemoSeeder {
  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
  static final String SEED_ACTOR = "seed";
  static final String SEED_CONNECTION = "seed";

  private final Function<List<Block>, byte[]> encoder;

  /** @param encoder turns blocks into a Yjs v1 update of the "default" XML fragment */
  public DemoSeeder(Function<List<Block>, byte[]> encoder) {
    this.encoder = encoder;
  }

  public Future<Void> seedIfEmpty(DocumentStore store) {
    return store.listDocuments().compose(docs -> {
      if (!docs.isEmpty()) {
        return Future.succeededFuture();
      }
      List<SeedDocument> seeds = KasselPledgeSeed.documents();
      Future<Void> chain = Future.succeededFuture();
      for (SeedDocument d : seeds) {
        byte[] update = encoder.apply(d.blocks());
        chain = chain
            .compose(v -> store.putDocument(d.name(), d.title(), d.kind(), d.stage()))
            .compose(v -> store.append(d.name(), List.of(new NewUpdate(update, SEED_ACTOR, SEED_CONNECTION))))
            .map(seqs -> {
              LOG.info("Seeded demo document {}", d.name());
              return null;
            });
      }
      return chain;
    });
  }

}
