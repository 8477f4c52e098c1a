package org.pledgepad.server.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The heads this process committed last, per document, so that its next append can chain on
 * them without reading and locking the document row ({@link PgAppend}). A remembered head may be
 * stale (another node appended since); the append then writes nothing and takes the locking path.
 * Bounded: the least recently used documents are forgotten and take the locking path once.
 */
final class KnownHeads {
  static final int CAPACITY = 10_000;

  private final Map<String, PgAppend.Head> heads = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PgAppend.Head> eldest) {
      return size() > CAPACITY;
    }
  };

  synchronized PgAppend.Head get(String document) {
    return heads.get(document);
  }

  synchronized void put(String document, PgAppend.Head head) {
    heads.put(document, head);
  }

  synchronized void forget(String document) {
    heads.remove(document);
  }
}
