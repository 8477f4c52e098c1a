package org.pledgepad.pledges.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.pledges.Fixtures;
import org.pledgepad.pledges.imports.SeedImport;

class CsvExportTest {
    private static final SeedImport SEED = Fixtures.seed();
    private static final OpenDataBundle BUNDLE = OpenDataBundle.of(LicenceInfo.dlDeBy20(""),
            List.of(SEED.programme(), SEED.coalition()), Fixtures.links(SEED), List.of(Fixtures.fibreStatus(SEED)));

    @Test
    void fields_with_comma_quote_or_newline_are_quoted_and_quotes_doubled() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("sagt \"ja\"")).isEqualTo("\"sagt \"\"ja\"\"\"");
        assertThat(Csv.field("zwei\nZeilen")).isEqualTo("\"zwei\nZeilen\"");
    }

    @Test
    void pledge_table_has_header_one_row_per_pledge_crlf_and_utf8() {
        ExportFile f = CsvExport.pledges(BUNDLE);
        String text = f.text();
        String[] records = text.split("\r\n");
        assertThat(records[0]).startsWith("dokument_id,dokument_titel,herausgeber,art");
        assertThat(text).endsWith("\r\n");
        // 21 pledges; full texts contain no line breaks of their own in the seed
        assertThat(records).hasSize(1 + 21);
        assertThat(text).contains("Glasfaser in der ganzen Stadt").contains("teilweise umgesetzt")
                .contains("Datenlizenz Deutschland – Namensnennung – 2.0");
        assertThat(f.content()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(f.mediaType()).startsWith("text/csv");
    }

    @Test
    void status_table_lists_every_change_and_every_evidence_entry() {
        String text = CsvExport.statuses(BUNDLE).text();
        assertThat(text.split("\r\n")).hasSize(1 + 2 + 1);
        assertThat(text).contains("\"Beschluss der StVV, \"\"Glasfaser\"\"\"");
    }

    @Test
    void link_table_has_one_row_per_link() {
        assertThat(CsvExport.links(BUNDLE).text().split("\r\n")).hasSize(1 + 2);
    }
}
