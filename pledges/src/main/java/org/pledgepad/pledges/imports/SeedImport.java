package org.pledgepad.pledges.imports;

import java.util.List;
import org.pledgepad.pledges.model.PledgeDocument;

/**
 * The two documents read from a comparison seed.
 *
 * @param coalition        the coalition agreement's chapter; each pledge carries the full goal paragraph(s) it summarises
 * @param programme        the election programme's chapter
 * @param unmatchedGoals   goal paragraphs no overview item summarises; they are kept in the
 *                         coalition's preamble so no text is lost, and listed here so an editor can
 *                         turn them into pledges
 */
public record SeedImport(PledgeDocument coalition, PledgeDocument programme, List<String> unmatchedGoals) {
    public SeedImport {
        unmatchedGoals = List.copyOf(unmatchedGoals);
    }
}
