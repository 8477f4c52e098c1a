package org.pledgepad.crdt;

// Follows yjs/src/utils/Doc.js (yjs 13.6.33).

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A shared document: named root types, the struct store and the event hooks. Not thread-safe;
 * like a Yjs document it must be used from one thread (the server pins it to one context).
 */
public class Doc {
  private static final SecureRandom RANDOM = new SecureRandom();

  public boolean gc;
  public Predicate<Item> gcFilter;
  /** This peer's client id; replaced if a remote update turns out to use it too. */
  public long clientID;
  public final String guid;
  public String collectionid;
  /** Root types by name, in creation order. */
  public final Map<String, AbstractType<?>> share = new LinkedHashMap<>();
  public final StructStore store = new StructStore();
  public Transaction _transaction = null;
  public List<Transaction> _transactionCleanups = new ArrayList<>();
  public final Set<Doc> subdocs = new LinkedHashSet<>();
  /** The item holding this document when it is a subdocument. */
  public Item _item = null;
  public boolean shouldLoad;
  public boolean autoLoad;
  public Object meta;
  public boolean isLoaded = false;
  public boolean isSynced = false;
  public boolean isDestroyed = false;
  public final CompletableFuture<Doc> whenLoaded = new CompletableFuture<>();
  public CompletableFuture<Void> whenSynced = new CompletableFuture<>();

  private Object[] updateHandlers = Listeners.NONE;
  private Object[] updateV2Handlers = Listeners.NONE;
  private Object[] beforeTransactionHandlers = Listeners.NONE;
  private Object[] beforeObserverCallsHandlers = Listeners.NONE;
  private Object[] afterTransactionHandlers = Listeners.NONE;
  private Object[] afterTransactionCleanupHandlers = Listeners.NONE;
  private Object[] beforeAllTransactionsHandlers = Listeners.NONE;
  private Object[] afterAllTransactionsHandlers = Listeners.NONE;
  private Object[] subdocsHandlers = Listeners.NONE;
  private Object[] destroyHandlers = Listeners.NONE;
  private Object[] syncHandlers = Listeners.NONE;

  /** The 'subdocs' event payload. */
  public static final class SubdocsEvent {
    public final Set<Doc> loaded;
    public final Set<Doc> added;
    public final Set<Doc> removed;

    public SubdocsEvent(Set<Doc> loaded, Set<Doc> added, Set<Doc> removed) {
      this.loaded = loaded;
      this.added = added;
      this.removed = removed;
    }
  }

  public Doc() {
    this(new DocOptions());
  }

  public Doc(DocOptions opts) {
    this.gc = opts.gc;
    this.gcFilter = opts.gcFilter == null ? item -> true : opts.gcFilter;
    this.clientID = opts.clientID != null ? opts.clientID : generateNewClientId();
    this.guid = opts.guid != null ? opts.guid : UUID.randomUUID().toString();
    this.collectionid = opts.collectionid;
    this.shouldLoad = opts.shouldLoad;
    this.autoLoad = opts.autoLoad;
    this.meta = opts.meta;
  }

  /** A random unsigned 32-bit number, as lib0's random.uint32. */
  public static long generateNewClientId() {
    return RANDOM.nextInt() & 0xFFFFFFFFL;
  }

  /** Asks the parent document to load this subdocument. */
  public void load() {
    Item item = _item;
    if (item != null && !shouldLoad) {
      Transaction.transact(((AbstractType<?>) item.parent).doc, tr -> {
        tr.subdocsLoaded().add(this);
      }, null, true);
    }
    shouldLoad = true;
  }

  public Set<Doc> getSubdocs() {
    return subdocs;
  }

  public Set<String> getSubdocGuids() {
    Set<String> s = new LinkedHashSet<>();
    for (Doc d : subdocs) {
      s.add(d.guid);
    }
    return s;
  }

  public void transact(Consumer<Transaction> f) {
    Transaction.transact(this, f, null, true);
  }

  public void transact(Consumer<Transaction> f, Object origin) {
    Transaction.transact(this, f, origin, true);
  }

  public <R> R transactResult(Function<Transaction, R> f, Object origin) {
    return Transaction.transact(this, f, origin, true);
  }

  /** The root type named name, created as a plain AbstractType if it does not exist yet. */
  public AbstractType<?> get(String name) {
    AbstractType<?> type = share.get(name);
    if (type == null) {
      type = new AbstractType<YEvent<?>>();
      type._integrate(this, null);
      share.put(name, type);
    }
    return type;
  }

  /**
   * The root type named name as an instance of cls. A plain AbstractType created by an update
   * before anyone asked for its kind is converted in place.
   */
  public <T extends AbstractType<?>> T get(String name, Class<T> cls) {
    AbstractType<?> type = share.get(name);
    if (type == null) {
      T t = newType(cls);
      t._integrate(this, null);
      share.put(name, t);
      return t;
    }
    if (type.getClass() != cls) {
      if (type.getClass() == AbstractType.class) {
        T t = newType(cls);
        t._map = type._map;
        for (Item n : type._map.values()) {
          for (; n != null; n = n.left) {
            n.parent = t;
          }
        }
        t._start = type._start;
        for (Item n = t._start; n != null; n = n.right) {
          n.parent = t;
        }
        t._length = type._length;
        share.put(name, t);
        t._integrate(this, null);
        return t;
      }
      throw new IllegalStateException("Type with the name " + name + " has already been defined with a different constructor");
    }
    return cls.cast(type);
  }

  private static <T extends AbstractType<?>> T newType(Class<T> cls) {
    Object t;
    Class<?> c = cls;
    if (c == YArray.class) {
      t = new YArray<Object>();
    } else if (c == YMap.class) {
      t = new YMap<Object>();
    } else if (c == YText.class) {
      t = new YText();
    } else if (c == YXmlFragment.class) {
      t = new YXmlFragment();
    } else if (c == YXmlElement.class) {
      t = new YXmlElement();
    } else if (c == YXmlText.class) {
      t = new YXmlText();
    } else if (c == YXmlHook.class) {
      t = new YXmlHook("");
    } else if (c == AbstractType.class) {
      t = new AbstractType<YEvent<?>>();
    } else {
      try {
        t = cls.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("cannot create root type " + cls, e);
      }
    }
    return cls.cast(t);
  }

  @SuppressWarnings("unchecked")
  public <T> YArray<T> getArray(String name) {
    return (YArray<T>) get(name, YArray.class);
  }

  public YArray<Object> getArray() {
    return getArray("");
  }

  public YText getText(String name) {
    return get(name, YText.class);
  }

  public YText getText() {
    return getText("");
  }

  @SuppressWarnings("unchecked")
  public <T> YMap<T> getMap(String name) {
    return (YMap<T>) get(name, YMap.class);
  }

  public YMap<Object> getMap() {
    return getMap("");
  }

  public YXmlElement getXmlElement(String name) {
    return get(name, YXmlElement.class);
  }

  public YXmlFragment getXmlFragment(String name) {
    return get(name, YXmlFragment.class);
  }

  public YXmlFragment getXmlFragment() {
    return getXmlFragment("");
  }

  /** Root types as JSON-like values (String, List, Map …). */
  public Map<String, Object> toJSON() {
    Map<String, Object> doc = new LinkedHashMap<>();
    for (Map.Entry<String, AbstractType<?>> e : share.entrySet()) {
      doc.put(e.getKey(), e.getValue().toJSON());
    }
    return doc;
  }

  @SuppressWarnings("unchecked") // each array holds only what its on... method added
  public void destroy() {
    isDestroyed = true;
    for (Doc subdoc : new ArrayList<>(subdocs)) {
      subdoc.destroy();
    }
    Item item = _item;
    if (item != null) {
      _item = null;
      // the item may already be collected (ContentDeleted); Yjs then sets fields on that content
      ContentDoc content = item.content instanceof ContentDoc ? (ContentDoc) item.content : null;
      Map<String, Object> opts = content != null ? new LinkedHashMap<>(content.opts) : new LinkedHashMap<>();
      Doc replacement = ContentDoc.createDocFromOpts(guid, opts);
      replacement.shouldLoad = false;
      replacement._item = item;
      if (content != null) {
        content.doc = replacement;
      }
      Transaction.transact(((AbstractType<?>) item.parent).doc, tr -> {
        Doc d = replacement;
        if (!item.deleted()) {
          tr.subdocsAdded().add(d);
        }
        tr.subdocsRemoved().add(this);
      }, null, true);
    }
    for (Object l : destroyHandlers) {
      Consumer<Doc> h = (Consumer<Doc>) l;
      h.accept(this);
    }
    clearHandlers();
  }

  private void clearHandlers() {
    updateHandlers = Listeners.NONE;
    updateV2Handlers = Listeners.NONE;
    beforeTransactionHandlers = Listeners.NONE;
    beforeObserverCallsHandlers = Listeners.NONE;
    afterTransactionHandlers = Listeners.NONE;
    afterTransactionCleanupHandlers = Listeners.NONE;
    beforeAllTransactionsHandlers = Listeners.NONE;
    afterAllTransactionsHandlers = Listeners.NONE;
    subdocsHandlers = Listeners.NONE;
    destroyHandlers = Listeners.NONE;
    syncHandlers = Listeners.NONE;
  }

  // Typed replacements of Yjs's Observable events.

  public void onUpdate(UpdateHandler h) { updateHandlers = Listeners.add(updateHandlers, h); }
  public void offUpdate(UpdateHandler h) { updateHandlers = Listeners.remove(updateHandlers, h); }
  public void onUpdateV2(UpdateHandler h) { updateV2Handlers = Listeners.add(updateV2Handlers, h); }
  public void offUpdateV2(UpdateHandler h) { updateV2Handlers = Listeners.remove(updateV2Handlers, h); }
  public void onBeforeTransaction(TransactionHandler h) { beforeTransactionHandlers = Listeners.add(beforeTransactionHandlers, h); }
  public void offBeforeTransaction(TransactionHandler h) { beforeTransactionHandlers = Listeners.remove(beforeTransactionHandlers, h); }
  public void onBeforeObserverCalls(TransactionHandler h) { beforeObserverCallsHandlers = Listeners.add(beforeObserverCallsHandlers, h); }
  public void offBeforeObserverCalls(TransactionHandler h) { beforeObserverCallsHandlers = Listeners.remove(beforeObserverCallsHandlers, h); }
  public void onAfterTransaction(TransactionHandler h) { afterTransactionHandlers = Listeners.add(afterTransactionHandlers, h); }
  public void offAfterTransaction(TransactionHandler h) { afterTransactionHandlers = Listeners.remove(afterTransactionHandlers, h); }
  public void onAfterTransactionCleanup(TransactionHandler h) { afterTransactionCleanupHandlers = Listeners.add(afterTransactionCleanupHandlers, h); }
  public void offAfterTransactionCleanup(TransactionHandler h) { afterTransactionCleanupHandlers = Listeners.remove(afterTransactionCleanupHandlers, h); }
  public void onBeforeAllTransactions(Consumer<Doc> h) { beforeAllTransactionsHandlers = Listeners.add(beforeAllTransactionsHandlers, h); }
  public void offBeforeAllTransactions(Consumer<Doc> h) { beforeAllTransactionsHandlers = Listeners.remove(beforeAllTransactionsHandlers, h); }
  public void onAfterAllTransactions(BiConsumer<Doc, List<Transaction>> h) { afterAllTransactionsHandlers = Listeners.add(afterAllTransactionsHandlers, h); }
  public void offAfterAllTransactions(BiConsumer<Doc, List<Transaction>> h) { afterAllTransactionsHandlers = Listeners.remove(afterAllTransactionsHandlers, h); }
  public void onSubdocs(SubdocsHandler h) { subdocsHandlers = Listeners.add(subdocsHandlers, h); }
  public void offSubdocs(SubdocsHandler h) { subdocsHandlers = Listeners.remove(subdocsHandlers, h); }
  public void onDestroy(Consumer<Doc> h) { destroyHandlers = Listeners.add(destroyHandlers, h); }
  public void offDestroy(Consumer<Doc> h) { destroyHandlers = Listeners.remove(destroyHandlers, h); }
  public void onSync(Consumer<Boolean> h) { syncHandlers = Listeners.add(syncHandlers, h); }
  public void offSync(Consumer<Boolean> h) { syncHandlers = Listeners.remove(syncHandlers, h); }

  /** Providers call this when the document is (or stops being) in sync with its peer. */
  @SuppressWarnings("unchecked") // each array holds only what its on... method added
  public void emitSync(boolean synced) {
    if (!synced && isSynced) {
      whenSynced = new CompletableFuture<>();
    }
    isSynced = synced;
    if (isSynced) {
      whenSynced.complete(null);
      if (!isLoaded) {
        emitLoad();
      }
    }
    for (Object l : syncHandlers) {
      Consumer<Boolean> h = (Consumer<Boolean>) l;
      h.accept(synced);
    }
  }

  public void emitLoad() {
    isLoaded = true;
    whenLoaded.complete(this);
  }

  boolean hasUpdateHandlers() { return updateHandlers.length != 0; }
  boolean hasUpdateV2Handlers() { return updateV2Handlers.length != 0; }
  boolean hasAfterAllTransactionsHandlers() { return afterAllTransactionsHandlers.length != 0; }

  void emitUpdate(byte[] update, Transaction tr) {
    for (Object l : updateHandlers) {
      UpdateHandler h = (UpdateHandler) l;
      h.onUpdate(update, tr.origin, this, tr);
    }
  }

  void emitUpdateV2(byte[] update, Transaction tr) {
    for (Object l : updateV2Handlers) {
      UpdateHandler h = (UpdateHandler) l;
      h.onUpdate(update, tr.origin, this, tr);
    }
  }

  void emitBeforeTransaction(Transaction tr) {
    for (Object l : beforeTransactionHandlers) {
      TransactionHandler h = (TransactionHandler) l;
      h.handle(tr, this);
    }
  }

  void emitBeforeObserverCalls(Transaction tr) {
    for (Object l : beforeObserverCallsHandlers) {
      TransactionHandler h = (TransactionHandler) l;
      h.handle(tr, this);
    }
  }

  void emitAfterTransaction(Transaction tr) {
    for (Object l : afterTransactionHandlers) {
      TransactionHandler h = (TransactionHandler) l;
      h.handle(tr, this);
    }
  }

  void emitAfterTransactionCleanup(Transaction tr) {
    for (Object l : afterTransactionCleanupHandlers) {
      TransactionHandler h = (TransactionHandler) l;
      h.handle(tr, this);
    }
  }

  @SuppressWarnings("unchecked") // each array holds only what its on... method added
  void emitBeforeAllTransactions() {
    for (Object l : beforeAllTransactionsHandlers) {
      Consumer<Doc> h = (Consumer<Doc>) l;
      h.accept(this);
    }
  }

  @SuppressWarnings("unchecked") // each array holds only what its on... method added
  void emitAfterAllTransactions(List<Transaction> trs) {
    for (Object l : afterAllTransactionsHandlers) {
      BiConsumer<Doc, List<Transaction>> h = (BiConsumer<Doc, List<Transaction>>) l;
      h.accept(this, trs);
    }
  }

  void emitSubdocs(SubdocsEvent e, Transaction tr) {
    for (Object l : subdocsHandlers) {
      SubdocsHandler h = (SubdocsHandler) l;
      h.onSubdocs(e, this, tr);
    }
  }
}
