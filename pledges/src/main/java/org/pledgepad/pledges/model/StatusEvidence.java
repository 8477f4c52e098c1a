package org.pledgepad.pledges.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated piece of evidence for a pledge's status: a council decision, a press release, a budget line.
 *
 * @param date when the evidence dates from
 * @param text what it says
 * @param link where to read it ("" when there is no public link)
 */
public record StatusEvidence(LocalDate date, String text, String link) {
    public StatusEvidence {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
        link = link == null ? "" : link;
    }
}
