package org.pledgepad.crdt;

// Follows yjs/src/structs/ContentDoc.js (yjs 13.6.33).

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A subdocument: only its guid and options live in the parent document. */
public final class ContentDoc implements AbstractContent {
  public Doc doc;
  /** Options written to the wire (gc=false, autoLoad=true, meta), in Yjs's property order. */
  public final Map<String, Object> opts = new LinkedHashMap<>();

  public ContentDoc(Doc doc) {
    this.doc = doc;
    if (!doc.gc) {
      opts.put("gc", false);
    }
    if (doc.autoLoad) {
      opts.put("autoLoad", true);
    }
    if (doc.meta != null) {
      opts.put("meta", doc.meta);
    }
  }

  static Doc createDocFromOpts(String guid, Map<String, Object> opts) {
    DocOptions o = new DocOptions();
    o.guid = guid;
    Object gc = opts.get("gc");
    if (gc instanceof Boolean) {
      o.gc = (Boolean) gc;
    }
    Object autoLoad = opts.get("autoLoad");
    o.autoLoad = Boolean.TRUE.equals(autoLoad);
    if (opts.containsKey("meta")) {
      o.meta = opts.get("meta");
    }
    Object shouldLoad = opts.get("shouldLoad");
    o.shouldLoad = Boolean.TRUE.equals(shouldLoad) || o.autoLoad;
    Object cid = opts.get("collectionid");
    if (cid instanceof String) {
      o.collectionid = (String) cid;
    }
    return new Doc(o);
  }

  @Override public long getLength() { return 1; }
  @Override public List<Object> getContent() { return Collections.singletonList(doc); }
  @Override public boolean isCountable() { return true; }
  @Override public AbstractContent copy() { return new ContentDoc(createDocFromOpts(doc.guid, opts)); }
  @Override public AbstractContent splice(long offset) { throw new UnsupportedOperationException(); }
  @Override public boolean mergeWith(AbstractContent right) { return false; }

  @Override
  public void integrate(Transaction transaction, Item item) {
    doc._item = item;
    transaction.subdocsAdded().add(doc);
    if (doc.shouldLoad) {
      transaction.subdocsLoaded().add(doc);
    }
  }

  @Override
  public void delete(Transaction transaction) {
    if (transaction.subdocsAdded().contains(doc)) {
      transaction.subdocsAdded().remove(doc);
    } else {
      transaction.subdocsRemoved().add(doc);
    }
  }

  @Override public void gc(StructStore store) {}

  @Override
  public void write(UpdateEncoder encoder, long offset) {
    encoder.writeString(doc.guid);
    encoder.writeAny(opts);
  }

  @Override public int getRef() { return 9; }

  @SuppressWarnings("unchecked")
  public static ContentDoc readContentDoc(UpdateDecoder decoder) {
    String guid = decoder.readString();
    Object o = decoder.readAny();
    Map<String, Object> opts = o instanceof Map ? (Map<String, Object>) o : Collections.emptyMap();
    ContentDoc c = new ContentDoc(createDocFromOpts(guid, opts));
    return c;
  }
}
