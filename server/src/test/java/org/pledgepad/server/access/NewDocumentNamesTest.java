package org.pledgepad.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pledgepad.server.protocol.DocumentNames;

/** Names of started documents, and the per-account quota of starts. */
class NewDocumentNamesTest {
  @Test
  void aTitleBecomesLowerCaseAsciiWords() {
    assertThat(NewDocumentNames.slug("Änderungsantrag: Glasfaser für alle Schulen")).isEqualTo("aenderungsantrag-glasfaser-fuer-alle-schulen");
    assertThat(NewDocumentNames.slug("Straßenbäume – Maßnahmen 2027/28")).isEqualTo("strassenbaeume-massnahmen-2027-28");
    assertThat(NewDocumentNames.slug("Café Crème für’s Rathaus")).isEqualTo("cafe-creme-fuer-s-rathaus");
    // Nothing readable left: a generic word, never an empty or invalid name.
    assertThat(NewDocumentNames.slug("„…“ 🚲")).isEqualTo("antrag");
    assertThat(NewDocumentNames.slug("Ein ".repeat(40))).hasSizeLessThanOrEqualTo(NewDocumentNames.MAX_SLUG).doesNotEndWith("-");
  }

  @Test
  void everyNameIsValidAndTwoTitlesAlikeGetTwoNames() {
    NewDocumentNames names = new NewDocumentNames(new SecureRandom());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String name = names.next("Antrag: Offene Daten");
      assertThat(DocumentNames.isValid(name)).as(name).isTrue();
      assertThat(name).matches("antrag-offene-daten-[a-z2-9]{6}");
      seen.add(name);
    }
    assertThat(seen).hasSize(200);
    assertThat(DocumentNames.isValid(names.next("ü".repeat(200)))).isTrue();
  }

  @Test
  void theQuotaCountsTheLastHourPerAccount() {
    TestClock clock = new TestClock(Instant.parse("2026-11-30T10:00:00Z"));
    CreationQuota quota = new CreationQuota(clock);
    for (int i = 0; i < CreationQuota.PER_HOUR; i++) {
      assertThat(quota.tryTake("anna")).isZero();
      clock.advance(Duration.ofMinutes(1));
    }
    // The first start (10:00) leaves the hour at 11:00; it is 10:20 now.
    assertThat(quota.tryTake("anna")).isEqualTo(40 * 60);
    assertThat(quota.tryTake("ben")).as("another account").isZero();
    quota.giveBack("ben");
    clock.advance(Duration.ofMinutes(40));
    assertThat(quota.tryTake("anna")).as("the oldest start has left the hour").isZero();
    assertThat(quota.tryTake("anna")).as("only one left it").isEqualTo(60);
  }
}
