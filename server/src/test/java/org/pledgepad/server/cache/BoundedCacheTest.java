package org.pledgepad.server.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {
  @Test
  void evictsTheLeastRecentlyUsedUntilTheWeightFits() {
    BoundedCache<String, String> c = new BoundedCache<>(10, String::length);
    c.put("a", "1234");
    c.put("b", "1234");
    assertThat(c.get("a")).isEqualTo("1234");   // a is now more recent than b
    c.put("c", "1234");
    assertThat(c.get("b")).isNull();
    assertThat(c.get("a")).isEqualTo("1234");
    assertThat(c.get("c")).isEqualTo("1234");
    assertThat(c.weight()).isEqualTo(8);
  }

  @Test
  void replacingAnEntryCountsOnlyItsNewWeightAndTooHeavyValuesAreNotKept() {
    BoundedCache<String, String> c = new BoundedCache<>(10, String::length);
    c.put("a", "12345678");
    c.put("a", "12");
    assertThat(c.weight()).isEqualTo(2);
    c.put("b", "12345678901");
    assertThat(c.get("b")).isNull();
    assertThat(c.size()).isEqualTo(1);
    assertThat(c.weight()).isEqualTo(2);
  }

  @Test
  void removingAnEntryGivesBackItsWeight() {
    BoundedCache<String, String> c = new BoundedCache<>(10, String::length);
    c.put("a", "1234");
    c.put("b", "123");
    c.remove("a");
    c.remove("missing");
    assertThat(c.get("a")).isNull();
    assertThat(c.weight()).isEqualTo(3);
    c.put("c", "1234567");
    assertThat(c.get("b")).as("room freed by the removal, nothing evicted").isEqualTo("123");
  }
}
