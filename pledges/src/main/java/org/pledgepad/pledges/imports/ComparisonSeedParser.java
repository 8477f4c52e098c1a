package org.pledgepad.pledges.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pledgepad.pledges.imports.Paragraphs.Paragraph;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeIds;

/**
 * Reads the comparison page format of the Kassel seed: a chapter line, an instruction line,
 * introductory paragraphs, then the section "Koalitionsvertrag im Überblick" (title paragraph +
 * summary paragraph pairs), the section "Wahlprogramm der SPD Kassel" (title + explanation pairs)
 * and the coalition's full goals after "Die Koalition verfolgt daher folgende Ziele:". Each overview
 * item gets the goal paragraph(s) whose wording it repeats (see {@link SummaryMatcher}).
 */
public final class ComparisonSeedParser {
    static final String OVERVIEW_MARKER = "Koalitionsvertrag im Überblick";
    static final String PROGRAMME_MARKER = "Wahlprogramm der SPD Kassel";
    static final String GOALS_MARKER = "Die Koalition verfolgt daher folgende Ziele:";
    /** Classpath location of the demo content. */
    public static final String KASSEL_RESOURCE = "/seeds/kassel-digitalisierung-2021.txt";

    private final DocumentMeta coalitionMeta;
    private final DocumentMeta programmeMeta;

    public ComparisonSeedParser(DocumentMeta coalitionMeta, DocumentMeta programmeMeta) {
        this.coalitionMeta = Objects.requireNonNull(coalitionMeta);
        this.programmeMeta = Objects.requireNonNull(programmeMeta);
    }

    /** Metadata of the Kassel 2021 seed; source URL and text licence are left empty because the seed does not state them. */
    public static ComparisonSeedParser kassel2021() {
        return new ComparisonSeedParser(
                new DocumentMeta("kassel-koalition-2021-digitalisierung",
                        "Koalitionsvertrag Grün-Rot Kassel 2021–2026: Digitalisierung",
                        "Grün-Rote Koalition Kassel", DocumentKind.COALITION_AGREEMENT, "2021–2026", "", "", ""),
                new DocumentMeta("spd-kassel-2021-digitalisierung",
                        "Wahlprogramm der SPD Kassel 2021: Digitalisierung",
                        "SPD Kassel", DocumentKind.ELECTION_PROGRAMME, "2021–2026", "", "", ""));
    }

    /** Parses the demo seed shipped in this module's resources. */
    public static SeedImport loadKassel2021() {
        try (InputStream in = ComparisonSeedParser.class.getResourceAsStream(KASSEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("seed resource missing: " + KASSEL_RESOURCE);
            }
            return kassel2021().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ImportException e) {
            throw new IllegalStateException("the shipped seed must parse", e);
        }
    }

    public SeedImport parse(String text) throws ImportException {
        List<Paragraph> ps = Paragraphs.split(text);
        if (ps.size() < 2) {
            throw new ImportException(1, "erwartet eine Kapitelzeile und eine Einleitungszeile");
        }
        String chapter = ps.get(0).text();
        int overview = indexOf(ps, OVERVIEW_MARKER, 2);
        int programme = indexOf(ps, PROGRAMME_MARKER, overview + 1);
        int goals = indexOf(ps, GOALS_MARKER, programme + 1);

        List<String> preamble = texts(ps.subList(2, overview));
        List<String[]> overviewItems = pairs(ps.subList(overview + 1, programme), OVERVIEW_MARKER);
        List<String[]> programmeItems = pairs(ps.subList(programme + 1, goals), PROGRAMME_MARKER);
        List<String> goalParagraphs = texts(ps.subList(goals + 1, ps.size()));
        if (goalParagraphs.isEmpty()) {
            throw new ImportException(ps.get(goals).line(), "nach \"" + GOALS_MARKER + "\" folgt kein Absatz");
        }

        boolean[] used = new boolean[goalParagraphs.size()];
        List<Pledge> coalitionPledges = new ArrayList<>();
        for (String[] item : overviewItems) {
            List<String> full = new ArrayList<>();
            for (int i : SummaryMatcher.sources(item[1], goalParagraphs)) {
                full.add(goalParagraphs.get(i));
                used[i] = true;
            }
            String id = PledgeIds.importedId(item[0], coalitionMeta.id(), coalitionPledges.size());
            coalitionPledges.add(new Pledge(id, item[0], item[1], chapter, full));
        }
        List<String> unmatched = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) unmatched.add(goalParagraphs.get(i));
        }
        List<String> coalitionPreamble = new ArrayList<>(preamble);
        coalitionPreamble.addAll(unmatched);

        List<Pledge> programmePledges = new ArrayList<>();
        for (String[] item : programmeItems) {
            String id = PledgeIds.importedId(item[0], programmeMeta.id(), programmePledges.size());
            programmePledges.add(new Pledge(id, item[0], item[1], chapter, List.of()));
        }
        return new SeedImport(
                document(coalitionMeta, chapter, coalitionPreamble, coalitionPledges),
                document(programmeMeta, chapter, List.of(), programmePledges),
                unmatched);
    }

    private static PledgeDocument document(DocumentMeta m, String chapter, List<String> preamble, List<Pledge> pledges) {
        return new PledgeDocument(m.id(), m.title(), m.issuer(), m.kind(), m.period(), m.sourceUrl(), m.licence(),
                m.chapter().isEmpty() ? chapter : m.chapter(), preamble, pledges);
    }

    private static int indexOf(List<Paragraph> ps, String marker, int from) throws ImportException {
        for (int i = from; i < ps.size(); i++) {
            if (ps.get(i).text().equals(marker)) return i;
        }
        int line = ps.isEmpty() ? 1 : ps.get(Math.min(from, ps.size() - 1)).line();
        throw new ImportException(line, "Abschnitt \"" + marker + "\" fehlt (gesucht ab hier)");
    }

    /** Title/text pairs; a title without its text is an error at the title's line. */
    private static List<String[]> pairs(List<Paragraph> ps, String section) throws ImportException {
        if (ps.size() % 2 != 0) {
            Paragraph last = ps.get(ps.size() - 1);
            throw new ImportException(last.line(),
                    "im Abschnitt \"" + section + "\" fehlt zum Titel \"" + last.text() + "\" der Text");
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < ps.size(); i += 2) {
            out.add(new String[] {ps.get(i).text(), ps.get(i + 1).text()});
        }
        return out;
    }

    private static List<String> texts(List<Paragraph> ps) {
        return ps.stream().map(Paragraph::text).toList();
    }
}
