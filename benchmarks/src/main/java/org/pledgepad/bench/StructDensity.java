package org.pledgepad.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.pledgepad.crdt.AbstractStruct;
import org.pledgepad.crdt.ContentDeleted;
import org.pledgepad.crdt.ContentType;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.GC;
import org.pledgepad.crdt.Item;
import org.pledgepad.crdt.UpdateLimits;
import org.pledgepad.crdt.Updates;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.lib0.Json;

/**
 * Measures how many structs honest updates carry per byte, the number the decoder's struct
 * budget (UpdateLimits) is chosen from: every update of the conformance corpus (v1 and v2, as
 * yjs wrote them) and the B4 document as one v1 and one v2 update, with gc on and off.
 * "Free" structs are those that cost no byte of their own in a v2 update (GC, deleted content,
 * nested types: all their fields can sit in run-length columns).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.pledgepad.bench.StructDensity \
 *     crdt/src/test/resources/conformance/corpus.jsonl.gz ../shared/data/automerge-paper.json.gz</pre>
 */
public final class StructDensity {
  private StructDensity() {}

  /** Counts of one update. */
  record Sample(String what, int bytes, long structs, long free) {}

  public static void main(String[] args) throws IOException {
    List<Sample> corpus = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(Path.of(args[0])), 1 << 16), StandardCharsets.UTF_8))) {
      r.readLine(); // header
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isEmpty()) {
          collect(Json.parse(line), null, corpus);
        }
      }
    }
    report("conformance corpus (" + corpus.size() + " updates)", corpus);
    if (args.length > 1) {
      System.setProperty("b4.path", args[1]);
      B4Trace trace = B4Trace.load();
      List<Sample> b4 = new ArrayList<>();
      for (boolean gc : new boolean[] {true, false}) {
        Doc doc = new Doc(new org.pledgepad.crdt.DocOptions().gc(gc));
        trace.applyTo(doc, doc.getText("text"), 0);
        byte[] v1 = Y.encodeStateAsUpdate(doc);
        byte[] v2 = Y.encodeStateAsUpdateV2(doc);
        b4.add(sample("B4 v1 gc=" + gc, v1, false));
        b4.add(sample("B4 v2 gc=" + gc, v2, true));
        // both must load under both limits, as single updates, with the trace's end text
        for (UpdateLimits limits : new UpdateLimits[] {UpdateLimits.DEFAULT, UpdateLimits.UNTRUSTED}) {
          Doc a = new Doc();
          Y.applyUpdate(a, v1, null, limits);
          Doc b = new Doc();
          Y.applyUpdateV2(b, v2, null, limits);
          if (!a.getText("text").toString().equals(trace.endContent) || !b.getText("text").toString().equals(trace.endContent)) {
            throw new IllegalStateException("B4 loaded under limits differs from the trace's end content");
          }
        }
      }
      System.out.println("B4 v1 and v2 (gc on and off) load under UpdateLimits.DEFAULT and UNTRUSTED");
      for (Sample s : b4) {
        System.out.printf("%-16s %9d bytes %9d structs (%.3f/byte) %9d free (%.3f/byte)%n", s.what, s.bytes, s.structs,
            (double) s.structs / s.bytes, s.free, (double) s.free / s.bytes);
      }
      report("B4", b4);
    }
  }

  /** Walks a trace's JSON; every {"v1": b64, "v2": b64} pair and sync "update" is an update. */
  @SuppressWarnings("unchecked")
  private static void collect(Object node, String fmt, List<Sample> out) {
    if (node instanceof Map) {
      Map<String, Object> m = (Map<String, Object>) node;
      for (String v : new String[] {"v1", "v2"}) {
        if (m.get(v) instanceof String s && m.containsKey("v1") && m.containsKey("v2") && !m.containsKey("sv")) {
          add(out, s, v.equals("v2"));
        }
      }
      if ("sync".equals(m.get("k")) && m.get("update") instanceof String s) {
        add(out, s, "v2".equals(m.get("fmt")));
      }
      for (Object v : m.values()) {
        collect(v, fmt, out);
      }
    } else if (node instanceof List) {
      for (Object v : (List<Object>) node) {
        collect(v, fmt, out);
      }
    }
  }

  private static void add(List<Sample> out, String b64, boolean v2) {
    byte[] u = Base64.getDecoder().decode(b64);
    try {
      out.add(sample(v2 ? "v2" : "v1", u, v2));
    } catch (RuntimeException e) {
      // snapshots also come as {v1, v2}; they are not updates
    }
  }

  static Sample sample(String what, byte[] update, boolean v2) {
    Updates.DecodedUpdate d = v2 ? Y.decodeUpdateV2(update) : Y.decodeUpdate(update);
    long free = 0;
    for (AbstractStruct s : d.structs) {
      if (s instanceof GC || s instanceof Item i && (i.content instanceof ContentDeleted || i.content instanceof ContentType)) {
        free++;
      }
    }
    return new Sample(what, update.length, d.structs.size(), free);
  }

  private static void report(String title, List<Sample> samples) {
    System.out.printf("%s: at most %.3f structs per byte (%.3f free), at most %d structs in one update%n", title,
        samples.stream().mapToDouble(s -> (double) s.structs / s.bytes).max().orElse(0),
        samples.stream().mapToDouble(s -> (double) s.free / s.bytes).max().orElse(0),
        samples.stream().mapToLong(Sample::structs).max().orElse(0));
  }
}
