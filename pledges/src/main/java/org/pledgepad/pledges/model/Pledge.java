package org.pledgepad.pledges.model;

import java.util.List;
import java.util.Objects;

/**
 * One promise of a pledge document.
 *
 * @param id       stable identifier (see {@link PledgeIds}); never recomputed from the text, so it
 *                 survives edits of title and body
 * @param title    short heading, e.g. "Glasfaser in der ganzen Stadt"
 * @param body     the one-sentence summary or explanation under the heading
 * @param chapter  chapter of the source text, e.g. "X) Digitalisierung"
 * @param fullText paragraphs of the source text this pledge summarises (empty when the pledge is
 *                 its own full text, as in an election programme)
 */
public record Pledge(String id, String title, String body, String chapter, List<String> fullText) {
    public Pledge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        body = body == null ? "" : body;
        chapter = chapter == null ? "" : chapter;
        fullText = fullText == null ? List.of() : List.copyOf(fullText);
    }

    public Pledge withTitle(String newTitle) {
        return new Pledge(id, newTitle, body, chapter, fullText);
    }

    public Pledge withBody(String newBody) {
        return new Pledge(id, title, newBody, chapter, fullText);
    }

    public Pledge withFullText(List<String> paragraphs) {
        return new Pledge(id, title, body, chapter, paragraphs);
    }
}
