package org.pledgepad.server.pledges;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pledgepad.server.store.DocumentStore;

/**
 * A document store whose document lookups can be held back: every comparison and open-data request
 * looks its documents up first, so holding them keeps such requests in flight without timing.
 * Everything else, and everything while not holding, goes straight to the real store.
 */
final class HeldStore {
  private static final Set<String> HELD_CALLS = Set.of("document", "listDocuments");

  private final DocumentStore real;
  private final List<Runnable> waiting = new ArrayList<>();
  private boolean holding;

  HeldStore(DocumentStore real) {
    this.real = real;
  }

  /** The store to hand to the code under test. */
  DocumentStore store() {
    return (DocumentStore) Proxy.newProxyInstance(DocumentStore.class.getClassLoader(),
        new Class<?>[] {DocumentStore.class}, (proxy, method, args) -> {
          Context ctx = Vertx.currentContext();
          synchronized (this) {
            if (holding && ctx != null && HELD_CALLS.contains(method.getName())) {
              return Future.future(p -> waiting.add(() -> ctx.runOnContext(v -> call(method, args).onComplete(p))));
            }
          }
          return invoke(method, args);
        });
  }

  synchronized void hold() {
    holding = true;
  }

  /** Lets every held lookup go on (each on the context that made it) and stops holding. */
  void release() {
    List<Runnable> go;
    synchronized (this) {
      holding = false;
      go = List.copyOf(waiting);
      waiting.clear();
    }
    go.forEach(Runnable::run);
  }

  @SuppressWarnings("unchecked")
  private Future<Object> call(Method method, Object[] args) {
    try {
      return (Future<Object>) invoke(method, args);
    } catch (Throwable e) {
      return Future.failedFuture(e);
    }
  }

  private Object invoke(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(real, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
