package org.pledgepad.pledges.imports;

import java.util.Objects;
import org.pledgepad.pledges.model.DocumentKind;

/**
 * What an importer cannot read from the text itself: who issued it, for which term, under which
 * licence. {@code title} and {@code chapter} are defaults the text may override with headings.
 */
public record DocumentMeta(
        String id, String title, String issuer, DocumentKind kind, String period, String sourceUrl, String licence,
        String chapter) {
    public DocumentMeta {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (id.isBlank()) {
            throw new IllegalArgumentException("document id must not be blank");
        }
    }

    public static DocumentMeta of(String id, String issuer, DocumentKind kind) {
        return new DocumentMeta(id, "", issuer, kind, "", "", "", "");
    }
}
