package org.pledgepad.server.doc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HierarchyPreloadTest {
  /** A library upgrade that renames or drops a listed class fails here instead of silently costing time. */
  @Test
  void everyListedClassExistsAndExtendsAJdkCollection() throws Exception {
    for (String name : HierarchyPreload.CLASSES) {
      Class<?> c = Class.forName(name, false, getClass().getClassLoader());
      assertThat(c.getSuperclass().getName()).as(name).startsWith("java.util.");
    }
    assertThat(HierarchyPreload.run()).isEqualTo(HierarchyPreload.CLASSES.size());
  }
}
