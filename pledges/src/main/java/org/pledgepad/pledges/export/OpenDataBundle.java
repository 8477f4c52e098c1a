package org.pledgepad.pledges.export;

import java.util.List;
import java.util.Objects;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeLink;
import org.pledgepad.pledges.model.StatusTrack;
import org.pledgepad.pledges.model.Succession;

/**
 * Everything an open-data export contains: documents with their pledges, confirmed links, status
 * tracks and successions, under one licence. The JSON form of this record round-trips exactly.
 */
public record OpenDataBundle(
        LicenceInfo licence, List<PledgeDocument> documents, List<PledgeLink> links, List<StatusTrack> statuses,
        List<Succession> successions) {
    public OpenDataBundle {
        Objects.requireNonNull(licence, "licence");
        documents = documents == null ? List.of() : List.copyOf(documents);
        links = links == null ? List.of() : List.copyOf(links);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        successions = successions == null ? List.of() : List.copyOf(successions);
    }

    public static OpenDataBundle of(LicenceInfo licence, List<PledgeDocument> documents, List<PledgeLink> links,
            List<StatusTrack> statuses) {
        return new OpenDataBundle(licence, documents, links, statuses, List.of());
    }
}
