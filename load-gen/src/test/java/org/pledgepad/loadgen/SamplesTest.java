package org.pledgepad.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SamplesTest {
  @Test
  void keepsEachSampleWithItsArrivalThroughGrowth() {
    Samples s = new Samples();
    for (int i = 0; i < 3000; i++) {
      s.add(i * 0.5, 100 + i);
    }
    assertThat(s.toArray()).hasSize(3000);
    assertThat(s.toArray()[2999]).isEqualTo(1499.5);
    assertThat(s.arrivalsArray()).hasSize(3000);
    assertThat(s.arrivalsArray()[2999]).isEqualTo(3099.0);
  }

  @Test
  void theLargestValueOfEachIntervalByArrivalLeavingOutThoseOutside() {
    double[] values = {5, 80, 7, 300, 2, 999, 999};
    double[] arrivals = {1000, 1999.9, 2000, 2500, 3999, 999.9, 4000};
    double[] max = Samples.maxPerBucket(values, arrivals, 1000, 1000, 3);
    assertThat(max).containsExactly(80, 300, 2);
  }

  @Test
  void anIntervalWithoutArrivalsIsZero() {
    assertThat(Samples.maxPerBucket(new double[] {4}, new double[] {2500}, 0, 1000, 4))
        .containsExactly(0, 0, 4, 0);
  }

  @Test
  void jsonArraysRoundLikeSingleNumbers() {
    String line = new JsonLine().put("a", new double[] {1.25, 0, 3, Double.NaN}, 1).toString();
    assertThat(line).isEqualTo("{\"a\":[1.3,0,3,null]}");
  }
}
