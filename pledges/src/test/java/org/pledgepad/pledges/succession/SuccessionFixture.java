package org.pledgepad.pledges.succession;

import java.time.LocalDate;
import java.util.List;
import org.pledgepad.pledges.Fixtures;
import org.pledgepad.pledges.imports.SeedImport;
import org.pledgepad.pledges.model.CarryOver;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.LinkKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.Succession;

/**
 * A made-up renegotiated agreement of 2022: it keeps the fibre pledge unchanged, rewrites the
 * digital town hall pledge, drops the paperless council (done) and adds one new pledge.
 */
public final class SuccessionFixture {
    public final SeedImport seed = Fixtures.seed();
    public final PledgeDocument agreement2021 = seed.coalition();
    public final Pledge fibre2022 = new Pledge("glasfaser-2022-abcdef", "Ausbau des Glasfasernetzes",
            "wir führen den Ausbau des Glasfasernetzes fort", "Digitalisierung", List.of());
    public final Pledge townHall2022 = new Pledge("rathaus-2022-ghijkm", "Digitales Rathaus bis 2024",
            "alle Behördengänge sind bis 2024 online möglich", "Digitalisierung", List.of());
    public final Pledge new2022 = new Pledge("ki-leitlinien-2022-npqrst", "Leitlinien für KI in der Verwaltung",
            "wir geben uns Leitlinien für den Einsatz von KI", "Digitalisierung", List.of());
    public final PledgeDocument agreement2022 = new PledgeDocument("kassel-koalition-2022-digitalisierung",
            "Fortschreibung 2022", "Grün-Rote Koalition Kassel", DocumentKind.COALITION_AGREEMENT, "2022–2026", "", "",
            "Digitalisierung", List.of(), List.of(fibre2022, townHall2022, new2022));
    public final String fibre2021 = Fixtures.id(agreement2021, "Ausbau des Glasfasernetzes");
    public final String townHall2021 = Fixtures.id(agreement2021, "Digitalisierung aller Behördengänge");
    public final String paperless2021 = Fixtures.id(agreement2021, "Papierlose Stadtverordnetenversammlung");
    public final Succession succession = new Succession(agreement2021.id(), agreement2022.id(), LocalDate.of(2022, 6, 1),
            List.of(new CarryOver(fibre2021, fibre2022.id(), LinkKind.SAME),
                    new CarryOver(townHall2021, townHall2022.id(), LinkKind.PARTLY)),
            List.of(paperless2021),
            java.util.Map.of(paperless2021, "umgesetzt: seit 2022 tagt die Versammlung papierlos",
                    townHall2021, "Frist 2024 ergänzt, \"Digitales Rathaus\" im Titel"));
}
