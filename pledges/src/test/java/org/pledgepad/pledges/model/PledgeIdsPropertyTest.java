package org.pledgepad.pledges.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PledgeIdsPropertyTest {
    @Property(tries = 1000)
    void slug_is_short_lower_case_ascii_without_dangling_hyphens(@ForAll String title) {
        String slug = PledgeIds.slug(title);
        assertThat(slug).matches("[a-z0-9]+(-[a-z0-9]+)*").hasSizeLessThanOrEqualTo(PledgeIds.MAX_SLUG_LENGTH);
    }

    @Property(tries = 300)
    void imported_ids_are_slug_plus_six_character_suffix(@ForAll String title, @ForAll String doc, @ForAll int ordinal) {
        assertThat(PledgeIds.importedId(title, doc, ordinal)).matches("[a-z0-9-]+-[a-km-z2-9]{6}");
    }
}
