package org.pledgepad.crdt;

// Follows yjs/src/utils/Doc.js (yjs 13.6.33): DocOpts.

import java.util.function.Predicate;

/** Constructor options of {@link Doc}; unset fields keep Yjs's defaults. */
public final class DocOptions {
  /** Globally unique id; a random UUID when null. */
  public String guid;
  /** Subdocuments of one collection share this id; null means none. */
  public String collectionid;
  /** Garbage-collect deleted content (disable to keep history for snapshots). */
  public boolean gc = true;
  /** Items for which this returns false are not garbage-collected. */
  public Predicate<Item> gcFilter = item -> true;
  /** Arbitrary metadata that subdocuments carry to other peers. */
  public Object meta;
  /** Subdocuments: load automatically when the parent is loaded. */
  public boolean autoLoad = false;
  /** Subdocuments: whether the provider should load content. */
  public boolean shouldLoad = true;
  /** Fixed client id for tests and reproducible encodings; random when null. */
  public Long clientID;

  public DocOptions guid(String v) { guid = v; return this; }
  public DocOptions collectionid(String v) { collectionid = v; return this; }
  public DocOptions gc(boolean v) { gc = v; return this; }
  public DocOptions gcFilter(Predicate<Item> v) { gcFilter = v; return this; }
  public DocOptions meta(Object v) { meta = v; return this; }
  public DocOptions autoLoad(boolean v) { autoLoad = v; return this; }
  public DocOptions shouldLoad(boolean v) { shouldLoad = v; return this; }
  public DocOptions clientID(long v) { clientID = v; return this; }
}
