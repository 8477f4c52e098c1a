package org.pledgepad.pledges.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.pledges.Fixtures;
import org.pledgepad.pledges.imports.SeedImport;
import org.pledgepad.pledges.model.PledgeStatus;
import org.pledgepad.pledges.succession.SuccessionFixture;

class JsonExportTest {
    private static final SeedImport SEED = Fixtures.seed();

    private static OpenDataBundle bundle() {
        SuccessionFixture f = new SuccessionFixture();
        return new OpenDataBundle(LicenceInfo.dlDeBy20("Pledgepad Kassel"),
                List.of(SEED.programme(), SEED.coalition(), f.agreement2022),
                Fixtures.links(SEED), List.of(Fixtures.fibreStatus(SEED)), List.of(f.succession));
    }

    @Test
    void export_then_import_gives_equal_documents_pledges_links_statuses_and_successions() {
        OpenDataBundle original = bundle();
        OpenDataBundle back = JsonExport.read(JsonExport.write(original));
        assertThat(back.documents()).isEqualTo(original.documents());
        assertThat(back.links()).isEqualTo(original.links());
        assertThat(back.statuses()).isEqualTo(original.statuses());
        assertThat(back.successions()).isEqualTo(original.successions());
        assertThat(back).isEqualTo(original);
        assertThat(back.statuses().get(0).current()).isEqualTo(PledgeStatus.TEILWEISE_UMGESETZT);
    }

    @Test
    void export_names_format_and_licence() {
        String json = JsonExport.write(bundle());
        assertThat(json).contains("\"format\" : \"pledgepad-open-data\"")
                .contains("Datenlizenz Deutschland – Namensnennung – 2.0")
                .contains("\"createdAt\" : \"2021-11-01T10:00:00Z\"")
                .doesNotContain("\r");
    }

    @Test
    void etag_is_stable_for_equal_content_and_changes_with_it() {
        ExportFile first = JsonExport.export(bundle(), "daten.json");
        ExportFile second = JsonExport.export(bundle(), "daten.json");
        assertThat(second.etag()).isEqualTo(first.etag()).matches("\"[0-9a-f]{32}\"");
        OpenDataBundle changed = new OpenDataBundle(LicenceInfo.dlDeBy20("andere Stelle"), bundle().documents(),
                bundle().links(), bundle().statuses(), bundle().successions());
        assertThat(JsonExport.export(changed, "daten.json").etag()).isNotEqualTo(first.etag());
    }

    @Test
    void unknown_fields_and_foreign_formats_are_rejected() {
        String json = JsonExport.write(bundle());
        assertThatThrownBy(() -> JsonExport.read(json.replace("\"issuer\"", "\"issuerr\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Zeile");
        assertThatThrownBy(() -> JsonExport.read(json.replace("pledgepad-open-data", "other")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected format");
    }

    @Test
    void content_that_breaks_a_records_rules_is_rejected_not_imported() {
        String json = JsonExport.write(bundle());
        String firstId = bundle().documents().get(0).pledges().get(0).id();
        String secondId = bundle().documents().get(0).pledges().get(1).id();
        // two pledges with the same id in one document
        assertThatThrownBy(() -> JsonExport.read(json.replace(secondId, firstId)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonExport.read("{\"format\":\"pledgepad-open-data\",\"version\":1}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonExport.read(json.replaceFirst("\"links\" : \\[", "\"links\" : [ null,")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonExport.read("[1,2"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void api_json_of_suggestions_names_confidence_score_and_matched_words() {
        var set = new org.pledgepad.pledges.compare.PledgeComparator().suggest(SEED.programme(), SEED.coalition());
        String json = JsonExport.toJson(set);
        assertThat(json).contains("\"confidence\":\"HOCH\"").contains("\"score\":").contains("\"wordA\":\"Glasfaser\"");
    }
}
