package org.pledgepad.annotations.repo;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A repository view that runs something once, right after the first call of a given method: a
 * deterministic stand-in for another server node (or an erasure) acting between a service's read
 * and its write.
 */
public final class Interleaving {
  private Interleaving() {}

  public static AnnotationRepository after(AnnotationRepository real, String method, Runnable between) {
    AtomicReference<Runnable> pending = new AtomicReference<>(between);
    return (AnnotationRepository) Proxy.newProxyInstance(AnnotationRepository.class.getClassLoader(),
        new Class<?>[] {AnnotationRepository.class}, (proxy, m, args) -> {
          Object out;
          try {
            out = m.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (m.getName().equals(method)) {
            Runnable r = pending.getAndSet(null);
            if (r != null) {
              r.run();
            }
          }
          return out;
        });
  }
}
