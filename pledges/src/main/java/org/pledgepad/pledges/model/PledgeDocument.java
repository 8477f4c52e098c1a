package org.pledgepad.pledges.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A coalition agreement, an election programme or a motion, reduced to its pledges.
 *
 * @param id        stable document id (slug), e.g. "kassel-koalition-2021-digitalisierung"
 * @param title     human title
 * @param issuer    who promises, e.g. "Grün-Rote Koalition Kassel" or "SPD Kassel"
 * @param kind      coalition agreement, election programme or motion
 * @param period    the term the promises are for, e.g. "2021–2026"
 * @param sourceUrl where the original text is published ("" when unknown)
 * @param licence   licence of the text ("" when unknown)
 * @param chapter   the chapter this document covers, e.g. "X) Digitalisierung"
 * @param preamble  introductory paragraphs that promise nothing countable on their own
 * @param pledges   the pledges in source order
 */
public record PledgeDocument(
        String id,
        String title,
        String issuer,
        DocumentKind kind,
        String period,
        String sourceUrl,
        String licence,
        String chapter,
        List<String> preamble,
        List<Pledge> pledges) {

    public PledgeDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        title = nz(title);
        issuer = nz(issuer);
        period = nz(period);
        sourceUrl = nz(sourceUrl);
        licence = nz(licence);
        chapter = nz(chapter);
        preamble = preamble == null ? List.of() : List.copyOf(preamble);
        pledges = pledges == null ? List.of() : List.copyOf(pledges);
        long distinct = pledges.stream().map(Pledge::id).distinct().count();
        if (distinct != pledges.size()) {
            throw new IllegalArgumentException("duplicate pledge id in document " + id);
        }
    }

    public Optional<Pledge> pledge(String pledgeId) {
        return pledges.stream().filter(p -> p.id().equals(pledgeId)).findFirst();
    }

    public PledgeDocument withPledges(List<Pledge> newPledges) {
        return new PledgeDocument(id, title, issuer, kind, period, sourceUrl, licence, chapter, preamble, newPledges);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
