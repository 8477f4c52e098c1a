package org.pledgepad.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * DeleteSet.applyDeleteSet skips an update's range when one range of the transaction's own
 * delete set covers it. A range only partly covered (deleted content beside live items) must
 * still delete the live part, and a transaction whose own set is out of clock order (a local
 * delete before the update) must end as the same deletes in separate transactions.
 */
class DeleteSetCoveredRangeTest {

  @Test
  void aRangeReachingPastTheDeletedContentStillDeletesTheLiveItems() {
    Doc a = new Doc(new DocOptions().clientID(1));
    YText t = a.getText("text");
    t.insert(0, "abcdef");
    t.delete(1, 2); // "bc" becomes deleted content in a's state
    byte[] state = Y.encodeStateAsUpdate(a);
    List<byte[]> later = new ArrayList<>();
    a.onUpdate((u, origin, d, tr) -> later.add(u));
    t.delete(1, 1); // "d": a delete set [3, 4) that merges with [1, 3) below
    byte[] merged = Y.mergeUpdates(List.of(state, later.get(0)));

    Doc b = new Doc(new DocOptions().clientID(2));
    Y.applyUpdate(b, merged);
    assertThat(b.getText("text").toString()).isEqualTo("aef");
    assertThat(deleted(b)).isEqualTo(deleted(a));
  }

  @Test
  void randomHistoriesLoadAsTheirSource() {
    Random r = new Random(20261128L);
    for (int round = 0; round < 200; round++) {
      Doc a = new Doc(new DocOptions().clientID(1 + round));
      YText t = a.getText("text");
      randomEdits(r, t, 5 + r.nextInt(20));
      byte[] state = Y.encodeStateAsUpdate(a);
      List<byte[]> later = new ArrayList<>();
      a.onUpdate((u, origin, d, tr) -> later.add(u));
      for (int i = 0, n = r.nextInt(4); i < n && t.length() > 0; i++) {
        int at = r.nextInt(t.length());
        t.delete(at, 1 + r.nextInt(Math.min(5, t.length() - at)));
      }
      List<byte[]> parts = new ArrayList<>(later);
      parts.add(0, state);
      byte[] merged = Y.mergeUpdates(parts);

      Doc loaded = new Doc(new DocOptions().clientID(1000));
      Y.applyUpdate(loaded, merged);
      assertThat(loaded.getText("text").toString()).isEqualTo(t.toString());
      assertThat(deleted(loaded)).isEqualTo(deleted(a));

      // a local delete and the later deletes in one transaction, against two transactions
      Doc together = new Doc(new DocOptions().clientID(2000));
      Doc apart = new Doc(new DocOptions().clientID(2000));
      Y.applyUpdate(together, state);
      Y.applyUpdate(apart, state);
      int len = together.getText("text").length();
      if (len == 0) {
        continue;
      }
      int at = r.nextInt(len);
      int n = 1 + r.nextInt(Math.min(5, len - at));
      byte[] rest = Y.mergeUpdates(later.isEmpty() ? List.of(Y.encodeStateAsUpdate(new Doc())) : later);
      Transaction.transact(together, tr -> {
        together.getText("text").delete(at, n);
        Y.applyUpdate(together, rest);
      });
      apart.getText("text").delete(at, n);
      Y.applyUpdate(apart, rest);
      assertThat(together.getText("text").toString()).isEqualTo(apart.getText("text").toString());
      assertThat(deleted(together)).isEqualTo(deleted(apart));
    }
  }

  private static void randomEdits(Random r, YText t, int steps) {
    for (int i = 0; i < steps; i++) {
      int len = t.length();
      if (len > 0 && r.nextInt(3) == 0) {
        int at = r.nextInt(len);
        t.delete(at, 1 + r.nextInt(Math.min(4, len - at)));
      } else {
        t.insert(r.nextInt(len + 1), "xyzw".substring(0, 1 + r.nextInt(4)));
      }
    }
  }

  /** The deleted ranges of the document's structs, per client, as [clock, end) pairs. */
  private static List<List<Long>> deleted(Doc d) {
    List<List<Long>> out = new ArrayList<>();
    DeleteSet ds = DeleteSet.createDeleteSetFromStructStore(d.store);
    ds.clients.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
      for (DeleteItem di : e.getValue()) {
        out.add(List.of(e.getKey(), di.clock, di.clock + di.len));
      }
    });
    return out;
  }
}
