package org.pledgepad.pledges.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.pledgepad.pledges.Fixtures;
import org.pledgepad.pledges.compare.ComparisonResult;
import org.pledgepad.pledges.compare.DocumentComparison;
import org.pledgepad.pledges.imports.DocumentMeta;
import org.pledgepad.pledges.imports.HeadingTextImporter;
import org.pledgepad.pledges.imports.ImportException;
import org.pledgepad.pledges.imports.SeedImport;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;

class MarkdownAndHtmlExportTest {
    private static final SeedImport SEED = Fixtures.seed();

    @Test
    void markdown_has_documents_pledges_statuses_links_and_licence() {
        OpenDataBundle b = OpenDataBundle.of(LicenceInfo.dlDeBy20("Stadt Kassel"),
                List.of(SEED.programme(), SEED.coalition()), Fixtures.links(SEED), List.of(Fixtures.fibreStatus(SEED)));
        String md = MarkdownExport.export(b, "kassel.md").text();
        assertThat(md).contains("# Koalitionsvertrag Grün-Rot Kassel 2021–2026: Digitalisierung")
                .contains("## Ausbau des Glasfasernetzes")
                .contains("Status: teilweise umgesetzt")
                .contains("Verknüpft (gleich): Glasfaser in der ganzen Stadt")
                .contains("Lizenz: Datenlizenz Deutschland – Namensnennung – 2.0")
                .contains("Bürger\\*innen");
    }

    @Test
    void markdown_escapes_text_that_would_become_structure() {
        assertThat(MarkdownExport.escape("# kein Titel")).isEqualTo("\\# kein Titel");
        assertThat(MarkdownExport.escape("1. Punkt")).isEqualTo("1\\. Punkt");
        assertThat(MarkdownExport.escape("[link](x)")).isEqualTo("\\[link\\](x)");
    }

    /** Plain words survive Markdown out and heading import back in. */
    @Property(tries = 200)
    void markdown_of_a_document_reimports_with_the_heading_importer(
            @ForAll @Size(min = 1, max = 6) List<@AlphaChars @NotBlank @StringLength(min = 1, max = 12) String> titles,
            @ForAll @AlphaChars @StringLength(min = 1, max = 30) String body) throws ImportException {
        List<Pledge> pledges = new java.util.ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            pledges.add(new Pledge("p" + i, titles.get(i), body + " " + i, "", List.of()));
        }
        PledgeDocument d = new PledgeDocument("d", "Dokument", "X", DocumentKind.MOTION, "", "", "", "", List.of(), pledges);
        PledgeDocument back = new HeadingTextImporter().parse(MarkdownExport.document(d),
                DocumentMeta.of("d", "X", DocumentKind.MOTION));
        assertThat(back.title()).isEqualTo("Dokument");
        assertThat(back.pledges()).extracting(Pledge::title).isEqualTo(titles);
        assertThat(back.pledges()).extracting(Pledge::body).isEqualTo(pledges.stream().map(Pledge::body).toList());
    }

    @Test
    void html_report_escapes_all_user_text() {
        PledgeDocument evil = SEED.programme().withPledges(List.of(
                new Pledge("x-aaaaaa", "<script>alert('x')</script>", "a & b \"c\"", "", List.of())));
        ComparisonResult r = new DocumentComparison().compare(evil, SEED.coalition(), List.of());
        String html = HtmlReport.render(r, LicenceInfo.dlDeBy20("<b>Stadt</b>"));
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>Stadt")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("a &amp; b &quot;c&quot;")
                .contains("0 von 1 Wahlprogramm-Punkten finden sich im Koalitionsvertrag");
    }

    @Test
    void html_report_of_the_seed_shows_coverage_pairs_and_unconfirmed_suggestions() {
        ComparisonResult r = new DocumentComparison().compare(SEED.programme(), SEED.coalition(), Fixtures.links(SEED));
        ExportFile f = HtmlReport.export(r, LicenceInfo.dlDeBy20(""), "vergleich.html");
        assertThat(f.text()).contains("2 von 10 Wahlprogramm-Punkten finden sich im Koalitionsvertrag")
                .contains("Vorschläge (nicht bestätigt)")
                .contains("<td>Glasfaser in der ganzen Stadt</td><td>gleich</td><td>Ausbau des Glasfasernetzes</td>");
        assertThat(HtmlReport.export(r, LicenceInfo.dlDeBy20(""), "vergleich.html").etag()).isEqualTo(f.etag());
    }
}
