package org.pledgepad.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionCacheTest {
  private static HistoryOverview overview(long head) {
    return new HistoryOverview(head, List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void keepsOnlyTheMostRecentlyUsedDocuments() {
    RevisionCache cache = new RevisionCache(2);
    cache.put("a", overview(1));
    cache.put("b", overview(2));
    assertThat(cache.get("a")).isNotNull(); // a is now more recent than b
    cache.put("c", overview(3));
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("b")).isNull();
    assertThat(cache.get("a").head()).isEqualTo(1);
    assertThat(cache.get("c").head()).isEqualTo(3);
    cache.invalidate("a");
    assertThat(cache.get("a")).isNull();
  }

  @Test
  void extendsSuggestionNotesWithoutOtherNotes() {
    HistoryOverview previous = new HistoryOverview(5, List.of(), List.of(), List.of(),
        List.of(new LogNote(3, 1, "ed", "accepted suggestion t-1 by u-1")));
    List<LogNote> out = RevisionCache.extend(previous, List.of(new LogNote(6, 2, "mod", LogNote.restore(2, "mod")),
        new LogNote(7, 3, "ed", "accepted suggestion t-2 by u-2")));
    assertThat(out).extracting(LogNote::seq).containsExactly(3L, 7L);
  }
}
