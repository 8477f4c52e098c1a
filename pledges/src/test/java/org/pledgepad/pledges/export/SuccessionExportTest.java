package org.pledgepad.pledges.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.pledges.compare.DocumentComparison;
import org.pledgepad.pledges.model.Succession;
import org.pledgepad.pledges.succession.SuccessionFixture;

/** Successions with their notes in every open-data format. */
class SuccessionExportTest {
    private final SuccessionFixture f = new SuccessionFixture();
    private final OpenDataBundle bundle = new OpenDataBundle(LicenceInfo.dlDeBy20("Pledgepad Kassel"),
            List.of(f.agreement2021, f.agreement2022), List.of(), List.of(), List.of(f.succession));

    @Test
    void json_round_trip_keeps_the_notes() {
        Succession back = JsonExport.read(JsonExport.write(bundle)).successions().get(0);
        assertThat(back.notes()).isEqualTo(f.succession.notes()).hasSize(2);
        assertThat(back).isEqualTo(f.succession);
    }

    @Test
    void a_version_1_file_without_notes_is_still_read() {
        Succession plain = new Succession(f.succession.predecessorId(), f.succession.successorId(),
                f.succession.effective(), f.succession.carriedOver(), f.succession.dropped());
        String v1 = JsonExport.write(new OpenDataBundle(bundle.licence(), bundle.documents(), List.of(), List.of(),
                List.of(plain))).replace("\"version\" : " + JsonExport.VERSION, "\"version\" : 1")
                .replaceAll(",\\s*\"notes\" : \\{ ?}", "");
        assertThat(v1).doesNotContain("\"notes\"").contains("\"version\" : 1");
        assertThat(JsonExport.read(v1).successions()).containsExactly(plain);
    }

    @Test
    void csv_has_one_row_per_decided_pledge_with_its_note() {
        String csv = CsvExport.successions(bundle).text();
        String[] rows = csv.split("\r\n");
        assertThat(rows[0]).isEqualTo("vorgaenger,nachfolger,gilt_ab,punkt_vorher,punkt_nachher,art,notiz,lizenz");
        assertThat(rows).hasSize(1 + 3);
        assertThat(csv).contains(f.paperless2021 + ",,entfallen,umgesetzt: seit 2022 tagt die Versammlung papierlos,")
                .contains(f.townHall2021 + "," + f.townHall2022.id() + ",teilweise,\"Frist 2024 ergänzt, \"\"Digitales Rathaus\"\" im Titel\",")
                .contains(f.fibre2021 + "," + f.fibre2022.id() + ",gleich,,");
    }

    @Test
    void markdown_lists_carried_over_and_dropped_pledges_with_notes() {
        String md = MarkdownExport.export(bundle, "x.md").text();
        assertThat(md).contains("# Nachfolge: " + f.agreement2021.title() + " → Fortschreibung 2022")
                .contains("- Papierlose Stadtverordnetenversammlung → entfallen – umgesetzt: seit 2022 tagt die Versammlung papierlos")
                .contains("- Digitalisierung aller Behördengänge → Digitales Rathaus bis 2024 (teilweise) – Frist 2024 ergänzt");
    }

    @Test
    void html_report_of_a_compared_document_shows_its_succession_escaped() {
        var r = new DocumentComparison().compare(f.agreement2021, f.seed.programme(), List.of());
        String html = HtmlReport.export(r, bundle, "x.html").text();
        assertThat(html).contains("<h2>Nachfolge</h2>")
                .contains("<td>Papierlose Stadtverordnetenversammlung</td><td>entfallen</td><td>umgesetzt: seit 2022")
                .contains("&quot;Digitales Rathaus&quot;");
        var unrelated = new DocumentComparison().compare(f.seed.programme(), f.seed.programme(), List.of());
        assertThat(HtmlReport.export(unrelated, bundle, "y.html").text()).doesNotContain("Nachfolge");
    }
}
