package org.pledgepad.bench;

import java.util.List;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.YArray;
import org.pledgepad.crdt.YText;

/** The B1-style workloads, step for step the same as in crdt/conformance/bench.mjs. */
final class Workloads {
  static final int N = 10000;
  static final int SEED = 42;
  private static final String CHARS = "abcdefghijklmnopqrstuvwxyz ";

  private Workloads() {}

  static Doc newDoc() {
    Doc doc = new Doc();
    doc.clientID = 1;
    return doc;
  }

  private static String ch(int i) {
    return String.valueOf(CHARS.charAt(i % CHARS.length()));
  }

  static int appendText() {
    YText t = newDoc().getText("text");
    for (int i = 0; i < N; i++) {
      t.insert(t.length(), ch(i));
    }
    return t.length();
  }

  static int randomInsertText() {
    YText t = newDoc().getText("text");
    Prng rng = new Prng(SEED);
    for (int i = 0; i < N; i++) {
      t.insert(rng.nextInt(0, t.length()), ch(i));
    }
    return t.length();
  }

  static int randomInsertDeleteText() {
    YText t = newDoc().getText("text");
    Prng rng = new Prng(SEED);
    for (int i = 0; i < N; i++) {
      if (t.length() > 0 && rng.nextInt(0, 2) == 0) {
        int at = rng.nextInt(0, t.length() - 1);
        t.delete(at, Math.min(rng.nextInt(1, 3), t.length() - at));
      } else {
        t.insert(rng.nextInt(0, t.length()), ch(i));
      }
    }
    return t.length();
  }

  static int appendArray() {
    YArray a = newDoc().getArray("array");
    for (int i = 0; i < N; i++) {
      a.insert(a.length(), List.of(i));
    }
    return a.length();
  }

  static int randomInsertDeleteArray() {
    YArray a = newDoc().getArray("array");
    Prng rng = new Prng(SEED);
    for (int i = 0; i < N; i++) {
      if (a.length() > 0 && rng.nextInt(0, 2) == 0) {
        int at = rng.nextInt(0, a.length() - 1);
        a.delete(at, Math.min(rng.nextInt(1, 3), a.length() - at));
      } else {
        a.insert(rng.nextInt(0, a.length()), List.of(i));
      }
    }
    return a.length();
  }
}
