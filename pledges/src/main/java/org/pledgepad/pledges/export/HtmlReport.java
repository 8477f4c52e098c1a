package org.pledgepad.pledges.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pledgepad.pledges.compare.AlignedPair;
import org.pledgepad.pledges.compare.ComparisonResult;
import org.pledgepad.pledges.compare.MatchedTerm;
import org.pledgepad.pledges.compare.Suggestion;
import org.pledgepad.pledges.model.CarryOver;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.Succession;

/**
 * A self-contained HTML page of a comparison: coverage, confirmed pairs, pledges found on one side
 * only, and the suggestions marked as unconfirmed. Every piece of user text goes through
 * {@link #escape}, so a pledge titled {@code <script>} shows as text.
 */
public final class HtmlReport {
    public static final String MEDIA_TYPE = "text/html; charset=utf-8";

    private HtmlReport() {}

    public static ExportFile export(ComparisonResult r, LicenceInfo licence, String fileName) {
        return ExportFile.of(fileName, MEDIA_TYPE, render(r, licence));
    }

    /**
     * The report with the successions that involve either compared document (with their notes);
     * {@code context} supplies them, the licence and the titles of pledges in other documents.
     */
    public static ExportFile export(ComparisonResult r, OpenDataBundle context, String fileName) {
        return ExportFile.of(fileName, MEDIA_TYPE, render(r, context));
    }

    public static String render(ComparisonResult r, LicenceInfo licence) {
        return render(r, OpenDataBundle.of(licence, List.of(), List.of(), List.of()));
    }

    public static String render(ComparisonResult r, OpenDataBundle context) {
        LicenceInfo licence = context.licence();
        PledgeDocument a = r.a();
        PledgeDocument b = r.b();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<title>Vergleich: ")
                .append(escape(a.title())).append(" – ").append(escape(b.title())).append("</title>\n</head>\n<body>\n");
        h.append("<h1>").append(escape(a.title())).append(" – ").append(escape(b.title())).append("</h1>\n");
        h.append("<p class=\"coverage\"><strong>").append(escape(r.coverage().sentence())).append("</strong></p>\n");
        h.append("<p class=\"coverage-suggested\">").append(escape(r.suggestedCoverage().sentence())).append("</p>\n");

        h.append("<h2>Bestätigte Entsprechungen</h2>\n");
        if (r.aligned().isEmpty()) {
            h.append("<p>Noch keine Verknüpfung bestätigt.</p>\n");
        } else {
            h.append("<table>\n<thead><tr><th>").append(escape(a.issuer())).append("</th><th>Art</th><th>")
                    .append(escape(b.issuer())).append("</th></tr></thead>\n<tbody>\n");
            for (AlignedPair p : r.aligned()) {
                h.append("<tr><td>").append(escape(p.a().title())).append("</td><td>")
                        .append(escape(p.link().kind().label())).append("</td><td>").append(escape(p.b().title()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        section(h, "Nur in: " + a.issuer(), r.onlyInA());
        section(h, "Nur in: " + b.issuer(), r.onlyInB());

        h.append("<h2>Vorschläge (nicht bestätigt)</h2>\n<dl>\n");
        for (Pledge p : a.pledges()) {
            List<Suggestion> s = r.suggestions().forPledge(p.id());
            h.append("<dt>").append(escape(p.title())).append("</dt>\n");
            if (s.isEmpty()) {
                h.append("<dd>kein Vorschlag</dd>\n");
            }
            for (Suggestion x : s) {
                String title = b.pledge(x.candidateId()).map(Pledge::title).orElse(x.candidateId());
                h.append("<dd>").append(escape(title)).append(" – Sicherheit ").append(x.confidence().label())
                        .append(String.format(Locale.ROOT, " (%.2f)", x.score()));
                List<MatchedTerm> top = x.matchedTerms().stream().limit(3).toList();
                if (!top.isEmpty()) {
                    h.append(" – gemeinsam: ");
                    for (int i = 0; i < top.size(); i++) {
                        if (i > 0) h.append(", ");
                        h.append(escape(top.get(i).wordA())).append(" ~ ").append(escape(top.get(i).wordB()));
                    }
                }
                h.append("</dd>\n");
            }
        }
        h.append("</dl>\n");
        successions(h, r, context);
        h.append("<footer><p>Lizenz: ");
        // Only web addresses become links: a configured "javascript:" URL must not run in readers' browsers.
        if (!licence.url().matches("(?i)https?://\\S+")) {
            h.append(escape(licence.name()));
        } else {
            h.append("<a href=\"").append(escape(licence.url())).append("\">").append(escape(licence.name())).append("</a>");
        }
        if (!licence.attribution().isEmpty()) h.append(" – ").append(escape(licence.attribution()));
        h.append("</p></footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void successions(StringBuilder h, ComparisonResult r, OpenDataBundle context) {
        Set<String> compared = new java.util.HashSet<>(List.of(r.a().id(), r.b().id()));
        List<Succession> relevant = context.successions().stream()
                .filter(s -> compared.contains(s.predecessorId()) || compared.contains(s.successorId())).toList();
        if (relevant.isEmpty()) return;
        Map<String, String> titles = new HashMap<>();
        Map<String, String> docs = new HashMap<>();
        for (PledgeDocument d : concat(context.documents(), List.of(r.a(), r.b()))) {
            docs.put(d.id(), d.title().isEmpty() ? d.id() : d.title());
            d.pledges().forEach(p -> titles.put(p.id(), p.title()));
        }
        h.append("<h2>Nachfolge</h2>\n");
        for (Succession s : relevant) {
            h.append("<h3>").append(escape(docs.getOrDefault(s.predecessorId(), s.predecessorId()))).append(" → ")
                    .append(escape(docs.getOrDefault(s.successorId(), s.successorId()))).append(" (gilt ab ")
                    .append(s.effective()).append(")</h3>\n<table>\n<thead><tr><th>bisher</th><th>Verbleib</th>"
                            + "<th>Notiz</th></tr></thead>\n<tbody>\n");
            for (CarryOver c : s.carriedOver()) {
                row(h, titles.getOrDefault(c.predecessorPledgeId(), c.predecessorPledgeId()),
                        c.kind().label() + ": " + titles.getOrDefault(c.successorPledgeId(), c.successorPledgeId()),
                        s.note(c.predecessorPledgeId()));
            }
            for (String d : s.dropped()) {
                row(h, titles.getOrDefault(d, d), "entfallen", s.note(d));
            }
            h.append("</tbody>\n</table>\n");
        }
    }

    private static void row(StringBuilder h, String before, String fate, String note) {
        h.append("<tr><td>").append(escape(before)).append("</td><td>").append(escape(fate)).append("</td><td>")
                .append(escape(note)).append("</td></tr>\n");
    }

    private static List<PledgeDocument> concat(List<PledgeDocument> a, List<PledgeDocument> b) {
        List<PledgeDocument> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void section(StringBuilder h, String heading, List<Pledge> pledges) {
        h.append("<h2>").append(escape(heading)).append("</h2>\n<ul>\n");
        for (Pledge p : pledges) {
            h.append("<li><strong>").append(escape(p.title())).append("</strong> ").append(escape(p.body())).append("</li>\n");
        }
        h.append("</ul>\n");
    }

    /** HTML text and attribute escaping: the five characters that can end text or an attribute value. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
