package org.pledgepad.crdt.conformance;

import static org.pledgepad.crdt.conformance.Corpus.bytes;
import static org.pledgepad.crdt.conformance.Corpus.integer;
import static org.pledgepad.crdt.conformance.Corpus.list;
import static org.pledgepad.crdt.conformance.Corpus.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.ParsedUpdate;
import org.pledgepad.crdt.UpdateLimits;
import org.pledgepad.crdt.Y;

/**
 * Decode once, integrate later: every update a corpus trace delivers (transactions, syncs,
 * late and out-of-order deliveries that leave structs pending) goes to three sets of mirror
 * documents, one by {@link Y#applyUpdate}, one parsed just before it is integrated, and one
 * with every update of the trace parsed before the first is integrated (so that each was
 * decoded before all the updates integrated ahead of it). After every delivery the receiving
 * documents must encode byte-equal (v1 and v2, pending structs and deletes included) and
 * describe equal content. That applyUpdate gives Yjs's bytes is YjsCorpusConformanceTest's job.
 */
class ParsedUpdateCorpusTest {

  private record Delivery(int to, byte[] update, boolean v2) {}

  @TestFactory
  Stream<DynamicTest> parsedUpdatesIntegrateAsApplyUpdate() {
    return Corpus.load().traces.stream().map(t -> DynamicTest.dynamicTest(
        t.get("name") + " (seed " + t.get("seed") + ", gc=" + t.get("gc") + ")", () -> check(t)));
  }

  private static void check(Map<String, Object> trace) {
    List<Delivery> deliveries = deliveries(trace);
    int n = list(trace.get("clients")).size();
    long mirrorClient = ((Number) trace.get("mirrorClient")).longValue();
    boolean gc = (Boolean) trace.get("gc");
    Doc[] applied = docs(n, mirrorClient, gc);
    Doc[] parsedLate = docs(n, mirrorClient, gc);
    Doc[] parsedEarly = docs(n, mirrorClient, gc);
    List<ParsedUpdate> early = new ArrayList<>(deliveries.size());
    for (Delivery d : deliveries) {
      early.add(parse(d));
    }
    for (int i = 0; i < deliveries.size(); i++) {
      Delivery d = deliveries.get(i);
      if (d.v2()) {
        Y.applyUpdateV2(applied[d.to()], d.update());
      } else {
        Y.applyUpdate(applied[d.to()], d.update());
      }
      Y.applyParsedUpdate(parsedLate[d.to()], parse(d), null);
      Y.applyParsedUpdate(parsedEarly[d.to()], early.get(i), null);
      String at = trace.get("name") + " delivery " + i + " to doc " + d.to();
      same(at + " parsed just before", applied[d.to()], parsedLate[d.to()]);
      same(at + " parsed before all", applied[d.to()], parsedEarly[d.to()]);
    }
  }

  private static ParsedUpdate parse(Delivery d) {
    return d.v2() ? Y.parseUpdateV2(d.update(), UpdateLimits.DEFAULT) : Y.parseUpdate(d.update(), UpdateLimits.DEFAULT);
  }

  /** What the trace's mirror documents receive, in order (as YjsCorpusConformanceTest applies it). */
  private static List<Delivery> deliveries(Map<String, Object> trace) {
    List<Object> steps = list(trace.get("steps"));
    List<Delivery> out = new ArrayList<>();
    for (Object o : steps) {
      Map<String, Object> st = map(o);
      switch ((String) st.get("k")) {
        case "tx" -> {
          if (st.get("update") != null) {
            String fmt = (String) st.get("mfmt");
            out.add(new Delivery(integer(st.get("doc")), bytes(map(st.get("update")).get(fmt)), fmt.equals("v2")));
          }
        }
        case "sync" -> out.add(new Delivery(integer(st.get("to")), bytes(st.get("update")), st.get("fmt").equals("v2")));
        case "deliver" -> {
          String fmt = (String) st.get("fmt");
          Map<String, Object> from = map(steps.get(integer(st.get("step"))));
          out.add(new Delivery(integer(st.get("to")), bytes(map(from.get("update")).get(fmt)), fmt.equals("v2")));
        }
        default -> { } // snapshots deliver nothing
      }
    }
    return out;
  }

  private static Doc[] docs(int n, long mirrorClient, boolean gc) {
    Doc[] docs = new Doc[n];
    for (int i = 0; i < n; i++) {
      docs[i] = Replayer.newDoc(mirrorClient, gc);
      Replayer.defineRoots(docs[i]);
    }
    return docs;
  }

  private static void same(String at, Doc expected, Doc actual) {
    Bytes.assertSame(at + ": encodeStateAsUpdate", Y.encodeStateAsUpdate(expected), Y.encodeStateAsUpdate(actual));
    Bytes.assertSame(at + ": encodeStateAsUpdateV2", Y.encodeStateAsUpdateV2(expected), Y.encodeStateAsUpdateV2(actual));
    Map<String, Object> e = Replayer.describe(expected);
    Map<String, Object> a = Replayer.describe(actual);
    for (String k : List.of("json", "delta", "string", "xmlString", "elementString")) {
      String diff = Values.firstDifference(e.get(k), a.get(k), k);
      if (diff != null) {
        throw new AssertionFailedError(at + ": " + diff);
      }
    }
  }
}
