package org.pledgepad.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YText;

/**
 * Builds logs the way the server would: people edit their own documents, every transaction's
 * update is logged with the author's pseudonym and applied to the others.
 */
final class TestHistory {
  static final String DOC = "motion-42";
  static final long T0 = 1_780_000_000_000L;

  final ChainBuilder chain = ChainBuilder.start(DOC);
  final List<LogRow> rows = new ArrayList<>();
  final Map<String, Doc> people = new LinkedHashMap<>();
  final Map<Long, String> clientActors = new LinkedHashMap<>();
  long now = T0;

  Doc person(String actor, long clientId) {
    return people.computeIfAbsent(actor, a -> {
      Doc d = new Doc(new DocOptions().clientID(clientId));
      clientActors.put(clientId, a);
      for (Doc other : people.values()) {
        Y.applyUpdate(d, Y.encodeStateAsUpdate(other));
      }
      return d;
    });
  }

  /** Runs edit on the actor's document, logs the update at now + dtMillis, syncs everyone. */
  LogRow edit(String actor, long dtMillis, java.util.function.Consumer<YText> edit) {
    Doc d = people.get(actor);
    byte[][] captured = new byte[1][];
    org.pledgepad.crdt.UpdateHandler h = (u, o, doc, tr) -> captured[0] = u;
    d.onUpdate(h);
    d.transact(tr -> edit.accept(d.getText("default")));
    d.offUpdate(h);
    now += dtMillis;
    LogRow row = chain.next(now, actor, "conn-" + actor, captured[0]);
    rows.add(row);
    for (Doc other : people.values()) {
      if (other != d) {
        Y.applyUpdate(other, captured[0]);
      }
    }
    return row;
  }

  /** State after replaying rows 1..seq into a fresh document. */
  byte[] stateAt(long seq) {
    Doc d = new Doc();
    for (LogRow r : rows) {
      if (r.seq() <= seq) {
        Y.applyUpdate(d, r.update());
      }
    }
    return Y.encodeStateAsUpdate(d);
  }

  String textAt(long seq) {
    Doc d = new Doc();
    Y.applyUpdate(d, stateAt(seq));
    return d.getText("default").toString();
  }

  /** A session of random edits by alice and bob, with pauses; the seed is printed by callers. */
  static TestHistory random(long seed, int edits) {
    Random rnd = new Random(seed);
    TestHistory h = new TestHistory();
    h.person("alice", 1);
    h.person("bob", 2);
    String[] words = {"Die ", "Stadt ", "Kassel ", "fördert ", "offene ", "Daten ", "und ", "freie ", "Software. "};
    for (int i = 0; i < edits; i++) {
      String actor = rnd.nextInt(4) == 0 ? "bob" : "alice";
      long dt = rnd.nextInt(10) == 0 ? 20 * 60_000L : 2_000L;
      h.edit(actor, dt, t -> {
        int len = t.length();
        if (len > 0 && rnd.nextInt(3) == 0) {
          int at = rnd.nextInt(len);
          t.delete(at, Math.min(len - at, 1 + rnd.nextInt(8)));
        } else {
          t.insert(rnd.nextInt(len + 1), words[rnd.nextInt(words.length)]);
        }
      });
    }
    return h;
  }

  /** Three edits whose content is known. */
  static TestHistory small() {
    TestHistory h = new TestHistory();
    h.person("alice", 1);
    h.person("bob", 2);
    h.edit("alice", 1000, t -> t.insert(0, "Die Stadt fördert offene Daten."));
    h.edit("bob", 1000, t -> t.insert(t.length() - 1, " und freie Software"));
    h.edit("alice", 1000, t -> t.delete(4, 6));
    return h;
  }
}
