package org.pledgepad.annotations;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;

/**
 * Replicas that exchange updates through per-receiver inboxes delivered in random order (Yjs
 * parks out-of-order updates as pending until their dependencies arrive). Updates with the
 * origin {@link #REMOTE} are not forwarded again.
 */
public final class Network {
  public static final Object REMOTE = new Object();
  public final List<Doc> docs = new ArrayList<>();
  private final List<List<byte[]>> inboxes = new ArrayList<>();

  /** Connects {@code doc}: its local updates go to every other replica's inbox. */
  public Doc add(Doc doc) {
    return add(doc, true);
  }

  /** With {@code forward} false, the replica receives but the test sends its updates by hand. */
  public Doc add(Doc doc, boolean forward) {
    int self = docs.size();
    docs.add(doc);
    inboxes.add(new ArrayList<>());
    if (forward) {
      doc.onUpdate((update, origin, d, tr) -> {
        if (origin != REMOTE) {
          send(self, update);
        }
      });
    }
    return doc;
  }

  /** Puts {@code update} into every inbox but the sender's. */
  public void send(int from, byte[] update) {
    for (int i = 0; i < inboxes.size(); i++) {
      if (i != from) {
        inboxes.get(i).add(update);
      }
    }
  }

  /** Delivers one random pending message to a random replica; false if nothing is pending. */
  public boolean deliverOne(Random random) {
    List<Integer> nonEmpty = new ArrayList<>();
    for (int i = 0; i < inboxes.size(); i++) {
      if (!inboxes.get(i).isEmpty()) {
        nonEmpty.add(i);
      }
    }
    if (nonEmpty.isEmpty()) {
      return false;
    }
    int to = nonEmpty.get(random.nextInt(nonEmpty.size()));
    List<byte[]> inbox = inboxes.get(to);
    Y.applyUpdate(docs.get(to), inbox.remove(random.nextInt(inbox.size())), REMOTE);
    return true;
  }

  public void flush(Random random) {
    while (deliverOne(random)) {
      // keep delivering in random order
    }
  }
}
