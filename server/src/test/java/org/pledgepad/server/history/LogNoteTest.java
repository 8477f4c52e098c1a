package org.pledgepad.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogNoteTest {
  private static LogNote note(String connectionId) {
    return new LogNote(7, 0, "councillor-1", connectionId);
  }

  @Test
  void aRowAppliedASuggestionWhenItsNoteNamesThatSuggestionWhole() {
    assertThat(note("accepted suggestion s-12 by citizen-1").appliedSuggestion("s-12")).isTrue();
    // Notes from before subjects: the suggester by display name, which suggestion() refuses.
    assertThat(note("accepted suggestion s-12 by Clara Bürger").suggestion()).isEmpty();
    assertThat(note("accepted suggestion s-12 by Clara Bürger").appliedSuggestion("s-12")).isTrue();
    assertThat(note("accepted suggestion s-123 by citizen-1").appliedSuggestion("s-12")).isFalse();
    assertThat(note("restore:3:councillor-1").appliedSuggestion("s-12")).isFalse();
    assertThat(note(null).appliedSuggestion("s-12")).isFalse();
  }
}
