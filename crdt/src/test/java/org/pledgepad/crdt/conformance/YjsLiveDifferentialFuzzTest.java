package org.pledgepad.crdt.conformance;

import static org.pledgepad.crdt.conformance.Corpus.bytes;
import static org.pledgepad.crdt.conformance.Corpus.list;
import static org.pledgepad.crdt.conformance.Corpus.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;

/**
 * Live differential fuzz against the real yjs in Node (crdt/conformance/fuzz-peer.mjs). A Java
 * document and a Yjs peer edit at random and exchange updates in both directions, delayed and
 * out of order, in v1 and v2. A Yjs "shadow" with the Java document's clientID makes the same
 * edits and receives the same updates, so after every step the Java document's encodings must
 * equal the shadow's byte for byte; at the end all three converge to the same state.
 * Seeds: -Dfuzz.seeds=N (default 150) from -Dfuzz.firstSeed=S (default 1); -Dfuzz.steps=N.
 */
@Tag("slow")
class YjsLiveDifferentialFuzzTest {
  private static final int SEEDS = Integer.getInteger("fuzz.seeds", 150);
  private static final int FIRST_SEED = Integer.getInteger("fuzz.firstSeed", 1);
  private static final int STEPS = Integer.getInteger("fuzz.steps", 80);

  @Test
  void javaAndYjsConvergeToIdenticalBytesForRandomSeeds() throws Exception {
    List<String> known = new ArrayList<>();
    try (NodePeer peer = NodePeer.start()) {
      for (int seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
        Session session = new Session(peer, seed);
        try {
          session.run();
        } catch (AssertionError | RuntimeException e) {
          // exceptions of the port may match a FUZZ line; byte differences only an explicit FUZZ-BYTES line
          String message = String.valueOf(e);
          String reason = KnownFailures.fuzzReason(e instanceof RuntimeException ? "FUZZ" : "FUZZ-BYTES", message);
          if (reason == null) {
            throw new AssertionFailedError("live fuzz seed " + seed + " failed (rerun with -Dfuzz.firstSeed=" + seed
                + " -Dfuzz.seeds=1): " + e.getMessage(), e);
          }
          known.add("seed " + seed + " stopped by a known bug (" + reason + "): " + abbreviate(message));
        }
        for (String k : session.knownValueDifferences) {
          known.add("seed " + seed + ": " + k);
        }
      }
    }
    // bytes never differed; values that differ by a listed known bug are reported, not failed
    for (String k : known) {
      System.err.println("[live fuzz] " + k);
    }
    System.err.println("[live fuzz] " + SEEDS + " seeds, " + known.size() + " known-bug notes (known-failures.txt FUZZ lines)");
  }

  private static String abbreviate(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "…" : s;
  }

  /** One seed: a Java document against the Yjs peer, checked against the Yjs shadow. */
  private static final class Session {
    final NodePeer peer;
    final int seed;
    final SplittableRandom rnd;
    final boolean gc;
    final long javaClient;
    final long peerClient;
    final Doc doc;
    byte[] lastV1;
    byte[] lastV2;
    String where = "init";
    /** updates not yet delivered: to the Java document (from the peer) and to the peer (from Java) */
    final List<String[]> toJava = new ArrayList<>();
    final List<String[]> toPeer = new ArrayList<>();
    /** visible-value differences explained by a FUZZ line of known-failures.txt */
    final List<String> knownValueDifferences = new ArrayList<>();

    Session(NodePeer peer, int seed) {
      this.peer = peer;
      this.seed = seed;
      this.rnd = new SplittableRandom(seed);
      this.gc = rnd.nextInt(10) < 6;
      long a = 1 + rnd.nextLong(0xffffffffL);
      long b;
      do {
        b = 1 + rnd.nextLong(0xffffffffL);
      } while (b == a);
      this.javaClient = a;
      this.peerClient = b;
      this.doc = Replayer.newDoc(javaClient, gc);
      Replayer.defineRoots(doc);
      doc.onUpdate((u, origin, d, tr) -> lastV1 = u);
      doc.onUpdateV2((u, origin, d, tr) -> lastV2 = u);
    }

    Map<String, Object> call(String cmd, Object... kv) {
      Map<String, Object> req = new LinkedHashMap<>();
      req.put("cmd", cmd);
      for (int i = 0; i < kv.length; i += 2) {
        req.put((String) kv[i], kv[i + 1]);
      }
      return peer.call(req);
    }

    void run() {
      call("init", "seed", seed, "gc", gc, "javaClient", javaClient, "peerClient", peerClient);
      for (int step = 0; step < STEPS; step++) {
        int r = rnd.nextInt(100);
        if (r < 35) {
          where = "step " + step + " java edit";
          javaEdit();
        } else if (r < 60) {
          where = "step " + step + " peer edit";
          Map<String, Object> e = call("peerEdit");
          if (e.get("v1") != null) {
            toJava.add(new String[] {(String) e.get("v1"), (String) e.get("v2")});
          }
        } else if (r < 78) {
          where = "step " + step + " deliver to java";
          deliverToJava();
        } else if (r < 95) {
          where = "step " + step + " deliver to peer";
          deliverToPeer();
        } else {
          where = "step " + step + " compare with shadow";
          compareWithShadow();
        }
      }
      where = "final sync";
      String fmt = rnd.nextBoolean() ? "v1" : "v2";
      byte[] fromPeer = bytes(call("diff", "target", "peer", "sv", Corpus.b64(Y.encodeStateVector(doc)), "fmt", fmt).get("update"));
      applyToJava(fromPeer, fmt);
      Map<String, Object> peerState = call("state", "target", "peer");
      byte[] toPeerUpdate = fmt.equals("v1") ? Y.encodeStateAsUpdate(doc, bytes(peerState.get("sv")))
          : Y.encodeStateAsUpdateV2(doc, bytes(peerState.get("sv")));
      call("apply", "target", "peer", "fmt", fmt, "update", Corpus.b64(toPeerUpdate));
      Map<String, Object> shadow = compareWithShadow();
      peerState = call("state", "target", "peer");
      where = "final comparison with the Yjs peer";
      // map key order is per replica; the comparison of visible values ignores it
      valuesAgree(Values.firstDifference(map(peerState.get("describe")), map(Replayer.describe(doc)), "content"));
      byte[] javaV1 = Y.encodeStateAsUpdate(doc);
      if (Bytes.firstDifference(bytes(peerState.get("v1")), javaV1) >= 0) {
        // pure Yjs replicas may differ in encoding too; only blame Java when the shadow agrees with the peer
        if (peerState.get("v1").equals(shadow.get("v1"))) {
          Bytes.assertSame(where + " encodeStateAsUpdate (Yjs shadow equals Yjs peer)", bytes(peerState.get("v1")), javaV1);
        }
      }
      Bytes.assertSame(where + " state vector", bytes(peerState.get("sv")), Y.encodeStateVector(doc));
    }

    void javaEdit() {
      Map<String, Object> e = call("javaOps");
      List<Object> ops = list(e.get("ops"));
      lastV1 = null;
      lastV2 = null;
      doc.transact(tr -> {
        for (Object op : ops) {
          Replayer.apply(doc, map(op));
        }
      });
      Bytes.assertSame(where + " update v1 of " + ops, bytes(e.get("v1")), lastV1);
      Bytes.assertSame(where + " update v2 of " + ops, bytes(e.get("v2")), lastV2);
      if (lastV1 != null) {
        toPeer.add(new String[] {Corpus.b64(lastV1), Corpus.b64(lastV2)});
      }
    }

    void deliverToJava() {
      if (toJava.isEmpty()) {
        return;
      }
      String[] u = toJava.remove(rnd.nextInt(toJava.size()));
      String fmt = rnd.nextBoolean() ? "v1" : "v2";
      applyToJava(bytes(fmt.equals("v1") ? u[0] : u[1]), fmt);
    }

    void applyToJava(byte[] update, String fmt) {
      lastV1 = null;
      lastV2 = null;
      if (fmt.equals("v1")) {
        Y.applyUpdate(doc, update);
      } else {
        Y.applyUpdateV2(doc, update);
      }
      Map<String, Object> shadowEmitted = call("apply", "target", "shadow", "fmt", fmt, "update", Corpus.b64(update));
      Bytes.assertSame(where + " update event v1 after applying", bytes(shadowEmitted.get("v1")), lastV1);
      Bytes.assertSame(where + " update event v2 after applying", bytes(shadowEmitted.get("v2")), lastV2);
    }

    void deliverToPeer() {
      if (toPeer.isEmpty()) {
        return;
      }
      String[] u = toPeer.remove(rnd.nextInt(toPeer.size()));
      String fmt = rnd.nextBoolean() ? "v1" : "v2";
      call("apply", "target", "peer", "fmt", fmt, "update", fmt.equals("v1") ? u[0] : u[1]);
    }

    Map<String, Object> compareWithShadow() {
      Map<String, Object> s = call("state", "target", "shadow");
      Bytes.assertSame(where + " encodeStateAsUpdate vs Yjs shadow", bytes(s.get("v1")), Y.encodeStateAsUpdate(doc));
      Bytes.assertSame(where + " encodeStateAsUpdateV2 vs Yjs shadow", bytes(s.get("v2")), Y.encodeStateAsUpdateV2(doc));
      Bytes.assertSame(where + " encodeStateVector vs Yjs shadow", bytes(s.get("sv")), Y.encodeStateVector(doc));
      valuesAgree(Values.firstDifference(map(s.get("describe")), map(Replayer.describe(doc)), "content"));
      return s;
    }

    /** Fails on a value difference, unless it is one a FUZZ line of known-failures.txt explains. */
    void valuesAgree(String diff) {
      if (diff == null) {
        return;
      }
      String reason = KnownFailures.fuzzReason("FUZZ", diff);
      if (reason == null) {
        throw new AssertionFailedError(where + ": values differ from Yjs: " + diff);
      }
      knownValueDifferences.add(where + ": known (" + reason + "): " + abbreviate(diff));
    }
  }
}
