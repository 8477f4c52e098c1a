package org.pledgepad.pledges.compare;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;

/**
 * An in-memory Lucene index of the pledges of two documents. Both sides go into one index so that
 * term statistics (how rare "Glasfaser" is) come from the whole comparison and every pledge can be
 * scored against its own text for normalisation. Title and body are indexed twice: as stemmed words
 * and as character grams.
 */
final class PledgeIndex implements AutoCloseable {
    static final String ID = "id";
    static final String SIDE = "side";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String TITLE_GRAMS = "title_grams";
    static final String BODY_GRAMS = "body_grams";
    static final String SIDE_A = "a";
    static final String SIDE_B = "b";

    /**
     * Each index file as one buffer: with the default (a file in many small buffers) every term a
     * query looks up cloned and sliced a list of buffers, a fifth of a comparison's time.
     */
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
            ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    private final DirectoryReader reader;
    final IndexSearcher searcher;
    /** pledge id → Lucene doc id, per side (the same pledge may be on both sides in a self-comparison). */
    private final Map<String, Integer> docA = new HashMap<>();
    private final Map<String, Integer> docB = new HashMap<>();
    /** Lucene doc id → pledge id and side, read once: a stored-field read per hit was a fifth of a comparison. */
    private final String[] idOfDoc;
    private final boolean[] onSideA;

    PledgeIndex(PledgeDocument a, PledgeDocument b) throws IOException {
        Analyzer words = GermanPledgeAnalysis.words();
        Analyzer grams = GermanPledgeAnalysis.grams();
        Analyzer perField = new PerFieldAnalyzerWrapper(words, Map.of(TITLE_GRAMS, grams, BODY_GRAMS, grams));
        IndexWriterConfig config = new IndexWriterConfig(perField).setSimilarity(new BM25Similarity());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            add(writer, a.pledges(), SIDE_A);
            add(writer, b.pledges(), SIDE_B);
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
        idOfDoc = new String[reader.maxDoc()];
        onSideA = new boolean[reader.maxDoc()];
        org.apache.lucene.index.StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            Document d = stored.document(doc);
            idOfDoc[doc] = d.get(ID);
            onSideA[doc] = SIDE_A.equals(d.get(SIDE));
            (onSideA[doc] ? docA : docB).put(idOfDoc[doc], doc);
        }
    }

    private static void add(IndexWriter writer, List<Pledge> pledges, String side) throws IOException {
        for (Pledge p : pledges) {
            Document d = new Document();
            d.add(new StringField(ID, p.id(), Field.Store.YES));
            d.add(new StringField(SIDE, side, Field.Store.YES));
            d.add(new TextField(TITLE, p.title(), Field.Store.NO));
            d.add(new TextField(BODY, p.body(), Field.Store.NO));
            d.add(new TextField(TITLE_GRAMS, p.title(), Field.Store.NO));
            d.add(new TextField(BODY_GRAMS, p.body(), Field.Store.NO));
            writer.addDocument(d);
        }
    }

    int docOfA(String pledgeId) {
        return docA.get(pledgeId);
    }

    int docOfB(String pledgeId) {
        return docB.get(pledgeId);
    }

    String pledgeId(int doc) {
        return idOfDoc[doc];
    }

    boolean onSideA(int doc) {
        return onSideA[doc];
    }

    int maxDoc() {
        return idOfDoc.length;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
