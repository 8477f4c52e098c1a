package org.pledgepad.pledges;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.pledgepad.pledges.imports.ComparisonSeedParser;
import org.pledgepad.pledges.imports.SeedImport;
import org.pledgepad.pledges.model.LinkKind;
import org.pledgepad.pledges.model.LinkOrigin;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeLink;
import org.pledgepad.pledges.model.PledgeStatus;
import org.pledgepad.pledges.model.StatusEvidence;
import org.pledgepad.pledges.model.StatusTrack;

/** Shared test data: the seed plus a few hand-made links and statuses. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2021-11-01T10:00:00Z");

    private Fixtures() {}

    public static SeedImport seed() {
        return ComparisonSeedParser.loadKassel2021();
    }

    public static String id(PledgeDocument d, String title) {
        return d.pledges().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow().id();
    }

    /** Two confirmed links between programme and agreement (fibre: same, town hall: partly). */
    public static List<PledgeLink> links(SeedImport s) {
        return List.of(
                new PledgeLink(id(s.programme(), "Glasfaser in der ganzen Stadt"),
                        id(s.coalition(), "Ausbau des Glasfasernetzes"), LinkKind.SAME, "anna", T0,
                        LinkOrigin.SUGGESTION_CONFIRMED),
                new PledgeLink(id(s.programme(), "Digitales Rathaus"),
                        id(s.coalition(), "Digitalisierung aller Behördengänge"), LinkKind.PARTLY, "ben",
                        T0.plusSeconds(60), LinkOrigin.MANUAL));
    }

    public static StatusTrack fibreStatus(SeedImport s) {
        return StatusTrack.open(id(s.coalition(), "Ausbau des Glasfasernetzes"))
                .withStatus(PledgeStatus.IN_ARBEIT, T0, "anna", "Ausschreibung läuft")
                .withStatus(PledgeStatus.TEILWEISE_UMGESETZT, T0.plusSeconds(86_400 * 400), "anna", "")
                .withEvidence(new StatusEvidence(LocalDate.of(2022, 3, 1), "Beschluss der StVV, \"Glasfaser\"",
                        "https://example.org/beschluss?id=1&x=2"));
    }
}
