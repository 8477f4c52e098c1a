package org.pledgepad.server.annotations;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.pledgepad.annotations.repo.AnnotationRepository;

/**
 * Stops every repository call the predicate selects until released, and records that one
 * arrived: the one deterministic way to keep a request in flight (install with
 * {@link AnnotationModule#repositoryInTests}).
 */
final class RepositoryHold {
  private volatile BiPredicate<String, Object[]> which = (m, a) -> false;
  private volatile CountDownLatch gate = new CountDownLatch(0);
  volatile CountDownLatch entered = new CountDownLatch(1);

  void hold(BiPredicate<String, Object[]> calls) {
    entered = new CountDownLatch(1);
    gate = new CountDownLatch(1);
    which = calls;
  }

  void release() {
    which = (m, a) -> false;
    gate.countDown();
  }

  AnnotationRepository around(AnnotationRepository real) {
    return (AnnotationRepository) Proxy.newProxyInstance(AnnotationRepository.class.getClassLoader(),
        new Class<?>[] {AnnotationRepository.class}, (proxy, m, args) -> {
          if (which.test(m.getName(), args)) {
            CountDownLatch g = gate;
            entered.countDown();
            g.await(60, TimeUnit.SECONDS);
          }
          try {
            return m.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
