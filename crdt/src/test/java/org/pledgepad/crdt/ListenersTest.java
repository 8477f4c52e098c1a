package org.pledgepad.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ListenersTest {
  @Test
  void addsInOrderAndRemovesTheFirstEqualOnly() {
    Object[] a = Listeners.add(Listeners.add(Listeners.add(Listeners.NONE, "x"), "y"), "x");
    assertThat(a).containsExactly("x", "y", "x");
    assertThat(Listeners.remove(a, "x")).containsExactly("y", "x");
    assertThat(Listeners.remove(a, "z")).isSameAs(a);
    assertThat(Listeners.remove(Listeners.add(Listeners.NONE, "x"), "x")).isSameAs(Listeners.NONE);
  }

  @Test
  void aListenerRemovedOrAddedDuringAnEmitChangesTheNextEmitOnly() {
    Doc doc = new Doc();
    List<String> calls = new ArrayList<>();
    List<Consumer<Boolean>> second = new ArrayList<>();
    Consumer<Boolean> first = synced -> {
      calls.add("first");
      doc.offSync(second.get(0));
      doc.onSync(s -> calls.add("late"));
    };
    second.add(synced -> calls.add("second"));
    doc.onSync(first);
    doc.onSync(second.get(0));
    doc.emitSync(true);
    assertThat(calls).containsExactly("first", "second");
    calls.clear();
    doc.offSync(first);
    doc.emitSync(true);
    assertThat(calls).containsExactly("late");
  }
}
