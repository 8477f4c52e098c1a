package org.pledgepad.server.doc;

import java.util.List;

/**
 * Loads, before the open-path warm-up compiles the CRDT, the library classes that extend the
 * JDK collections the CRDT's hot code uses and that the serving path would only load later.
 *
 * <p>Why: the JIT compiles the CRDT's decode and integrate loops on the assumption that no
 * subclass of, say, {@link java.util.ArrayList} is loaded (class hierarchy analysis), and throws
 * all that code away the moment one is. Vert.x loads such a subclass at the first future with
 * two listeners — with PostgreSQL that is the first transaction, i.e. the start's first store
 * read or the first open. That first open then ran in the interpreter while the JIT compiled
 * everything again: 2–3× the CPU of the same open with the embedded store (docs/benchmarks.md,
 * issue 3). Loading the class is enough (linking adds it to the hierarchy); it is not initialized.
 */
final class HierarchyPreload {
  /**
   * Found with {@code -XX:+LogCompilation} ({@code dependency_failed} entries whose
   * invalidated methods are the CRDT's) on the open benchmark and on a server under load.
   */
  static final List<String> CLASSES = List.of(
      "io.vertx.core.impl.future.FutureImpl$ListenerArray"); // extends ArrayList

  private HierarchyPreload() {}

  /** Loads the classes; one that is missing (a library changed) is skipped: this only saves time. */
  static int run() {
    int loaded = 0;
    for (String name : CLASSES) {
      try {
        Class.forName(name, false, HierarchyPreload.class.getClassLoader());
        loaded++;
      } catch (ClassNotFoundException | LinkageError e) {
        // Nothing breaks without it; HierarchyPreloadTest fails instead, so the list is updated.
      }
    }
    return loaded;
  }
}
