package org.pledgepad.crdt;

// Follows yjs/src/utils/PermanentUserData.js (yjs 13.6.33).

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;
import org.pledgepad.crdt.lib0.Decoder;

/**
 * Records, inside the document itself, which user (a free-form description) owns which client
 * ids and which deletions each user made, so that a history view can attribute insertions and
 * deletions to people. Stored in a shared map (default "users") of user → {ids: [clientID…],
 * ds: [v1-encoded delete set…]}.
 *
 * <p>Yjs defers its writes with setTimeout so that they land after the triggering transaction;
 * Java has no event loop here, so the deferral goes through an {@link Executor}: by default the
 * write runs at once, which is safe because a transaction started from an afterTransaction
 * handler is queued behind the current one (Transaction.transact), not nested in it.
 */
public class PermanentUserData {
  public final YMap<Object> yusers;
  public final Doc doc;
  /** clientID → user description. */
  public final Map<Long, String> clients = new LinkedHashMap<>();
  /** user description → everything that user deleted. */
  public final Map<String, DeleteSet> dss = new LinkedHashMap<>();
  private final Executor defer;

  public PermanentUserData(Doc doc) {
    this(doc, doc.getMap("users"));
  }

  public PermanentUserData(Doc doc, YMap<Object> storeType) {
    this(doc, storeType, Runnable::run);
  }

  /** @param defer runs the writes that Yjs defers with setTimeout (e.g. a Vert.x context) */
  public PermanentUserData(Doc doc, YMap<Object> storeType, Executor defer) {
    this.yusers = storeType;
    this.doc = doc;
    this.defer = defer;
    storeType.observe((event, tr) -> {
      for (String userDescription : ((YMapEvent) event).keysChanged) {
        initUser((YMap<?>) storeType.get(userDescription), userDescription);
      }
    });
    storeType.forEach((value, key) -> initUser((YMap<?>) value, key));
  }

  private static DeleteSet decodeDs(byte[] encodedDs) {
    return DeleteSet.readDeleteSet(new DSDecoderV1(new Decoder(encodedDs)));
  }

  @SuppressWarnings("unchecked")
  private void initUser(YMap<?> user, String userDescription) {
    YArray<Object> ds = (YArray<Object>) user.get("ds");
    YArray<Object> ids = (YArray<Object>) user.get("ids");
    ds.observe((event, tr) -> {
      for (Item item : event.changes().added) {
        for (Object encodedDs : item.content.getContent()) {
          if (encodedDs instanceof byte[]) {
            DeleteSet prev = dss.get(userDescription);
            dss.put(userDescription, DeleteSet.mergeDeleteSets(List.of(
                prev == null ? DeleteSet.createDeleteSet() : prev, decodeDs((byte[]) encodedDs))));
          }
        }
      }
    });
    List<DeleteSet> all = new ArrayList<>();
    for (Object encodedDs : ds.toArray()) {
      all.add(decodeDs((byte[]) encodedDs));
    }
    dss.put(userDescription, DeleteSet.mergeDeleteSets(all));
    ids.observe((event, tr) -> {
      for (Item item : event.changes().added) {
        for (Object clientid : item.content.getContent()) {
          clients.put(((Number) clientid).longValue(), userDescription);
        }
      }
    });
    for (Object clientid : ids.toArray()) {
      clients.put(((Number) clientid).longValue(), userDescription);
    }
  }

  public void setUserMapping(Doc doc, long clientid, String userDescription) {
    setUserMapping(doc, clientid, userDescription, (tr, ds) -> true);
  }

  /**
   * Maps {@code clientid} to {@code userDescription} and records the deletions of the local
   * transactions of {@code doc} that pass {@code filter}.
   */
  @SuppressWarnings("unchecked")
  public void setUserMapping(Doc doc, long clientid, String userDescription,
      BiPredicate<Transaction, DeleteSet> filter) {
    YMap<Object> users = yusers;
    YMap<Object>[] user = new YMap[] {(YMap<Object>) users.get(userDescription)};
    if (user[0] == null) {
      YMap<Object> u = new YMap<>();
      u.set("ids", new YArray<>());
      u.set("ds", new YArray<>());
      users.set(userDescription, u);
      user[0] = u;
    }
    ((YArray<Object>) user[0].get("ids")).push(List.of(clientid));
    users.observe((event, tr) -> defer.execute(() -> {
      YMap<Object> userOverwrite = (YMap<Object>) users.get(userDescription);
      if (userOverwrite != user[0]) {
        // another client replaced the user object: carry our data over to the new one
        user[0] = userOverwrite;
        for (Map.Entry<Long, String> e : new ArrayList<>(clients.entrySet())) {
          if (userDescription.equals(e.getValue())) {
            ((YArray<Object>) user[0].get("ids")).push(List.of(e.getKey()));
          }
        }
        DeleteSet ds = dss.get(userDescription);
        if (ds != null) {
          DSEncoderV1 encoder = new DSEncoderV1();
          DeleteSet.writeDeleteSet(encoder, ds);
          ((YArray<Object>) user[0].get("ds")).push(List.of(encoder.toUint8Array()));
        }
      }
    }));
    doc.onAfterTransaction((transaction, d) -> defer.execute(() -> {
      YArray<Object> yds = (YArray<Object>) user[0].get("ds");
      DeleteSet ds = transaction.deleteSet;
      if (transaction.local && !ds.clients.isEmpty() && filter.test(transaction, ds)) {
        DSEncoderV1 encoder = new DSEncoderV1();
        DeleteSet.writeDeleteSet(encoder, ds);
        yds.push(List.of(encoder.toUint8Array()));
      }
    }));
  }

  /** The user description of a client id, or null. */
  public String getUserByClientId(long clientid) {
    return clients.get(clientid);
  }

  /** The user who deleted {@code id}, or null. */
  public String getUserByDeletedId(ID id) {
    for (Map.Entry<String, DeleteSet> e : dss.entrySet()) {
      if (DeleteSet.isDeleted(e.getValue(), id)) {
        return e.getKey();
      }
    }
    return null;
  }
}
