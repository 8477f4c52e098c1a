package org.pledgepad.server.history;

import static org.pledgepad.server.history.HistoryTamperContract.await;

import java.util.List;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.history.LogRow;
import org.pledgepad.server.store.DocumentStore;
import org.pledgepad.server.store.NewUpdate;

/** A document whose version 2 holds text that version 3 deleted, for the restore tests. */
final class RestoreFixture {
  /** The text of version 2, back after restoring it. */
  static final String RESTORED = "Wir fordern mehr Radwege";

  private RestoreFixture() {}

  /** "Wir fordern " (anna), "mehr Radwege" (ben), then that deleted again (anna): seqs 1 to 3. */
  static void typeThenDelete(DocumentStore store, String doc) {
    Doc d = new Doc();
    byte[] sv = Y.encodeStateVector(d);
    d.getText("default").insert(0, "Wir fordern ");
    sv = append(store, doc, d, sv, "anna");
    d.getText("default").insert(12, "mehr Radwege");
    sv = append(store, doc, d, sv, "ben");
    d.getText("default").delete(12, 12);
    append(store, doc, d, sv, "anna");
  }

  private static byte[] append(DocumentStore store, String doc, Doc d, byte[] sv, String actor) {
    await(store.append(doc, List.of(new NewUpdate(Y.encodeStateAsUpdate(d, sv), actor, "c-" + actor))));
    return Y.encodeStateVector(d);
  }

  /** The document's text after every logged row. */
  static String text(HistoryDb db, String doc) {
    Doc d = new Doc();
    for (LogRow row : DocumentHistories.sql(() -> db.rows(doc, 0, Long.MAX_VALUE))) {
      Y.applyUpdate(d, row.update());
    }
    return d.getText("default").toString();
  }
}
