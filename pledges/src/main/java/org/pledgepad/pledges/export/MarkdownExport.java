package org.pledgepad.pledges.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.pledges.model.CarryOver;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeLink;
import org.pledgepad.pledges.model.StatusTrack;
import org.pledgepad.pledges.model.Succession;

/**
 * Markdown for reading and for publishing on a website: per document a "#" title, the preamble,
 * then each pledge as "##" with body, full text, status and links; the licence at the end.
 * Headings and text of a document alone (see {@link #document}) re-import with the heading importer;
 * the JSON export is the exact round trip.
 */
public final class MarkdownExport {
    public static final String MEDIA_TYPE = "text/markdown; charset=utf-8";

    private MarkdownExport() {}

    public static ExportFile export(OpenDataBundle b, String fileName) {
        Map<String, String> titles = new HashMap<>();
        b.documents().forEach(d -> d.pledges().forEach(p -> titles.put(p.id(), p.title())));
        Map<String, StatusTrack> tracks = new HashMap<>();
        b.statuses().forEach(t -> tracks.put(t.pledgeId(), t));
        StringBuilder md = new StringBuilder();
        for (PledgeDocument d : b.documents()) {
            md.append(render(d, tracks, b.links(), titles));
        }
        Map<String, String> docTitles = new HashMap<>();
        b.documents().forEach(d -> docTitles.put(d.id(), d.title().isEmpty() ? d.id() : d.title()));
        for (Succession s : b.successions()) {
            md.append(succession(s, docTitles, titles));
        }
        md.append("---\n\nLizenz: ").append(escape(b.licence().name()));
        if (!b.licence().url().isEmpty()) md.append(" (").append(b.licence().url()).append(')');
        md.append('\n');
        if (!b.licence().attribution().isEmpty()) {
            md.append("\nNamensnennung: ").append(escape(b.licence().attribution())).append('\n');
        }
        return ExportFile.of(fileName, MEDIA_TYPE, md.toString());
    }

    /** "Nachfolge": which pledges the successor carried over or dropped, each with the editors' note. */
    private static String succession(Succession s, Map<String, String> docTitles, Map<String, String> titles) {
        StringBuilder md = new StringBuilder();
        md.append("# Nachfolge: ").append(escape(docTitles.getOrDefault(s.predecessorId(), s.predecessorId())))
                .append(" → ").append(escape(docTitles.getOrDefault(s.successorId(), s.successorId()))).append("\n\n");
        md.append("Gilt ab ").append(s.effective()).append(".\n\n");
        for (CarryOver c : s.carriedOver()) {
            md.append("- ").append(escape(titles.getOrDefault(c.predecessorPledgeId(), c.predecessorPledgeId())))
                    .append(" → ").append(escape(titles.getOrDefault(c.successorPledgeId(), c.successorPledgeId())))
                    .append(" (").append(c.kind().label()).append(')').append(note(s, c.predecessorPledgeId())).append('\n');
        }
        for (String d : s.dropped()) {
            md.append("- ").append(escape(titles.getOrDefault(d, d))).append(" → entfallen").append(note(s, d)).append('\n');
        }
        return md.append('\n').toString();
    }

    private static String note(Succession s, String pledgeId) {
        String n = s.note(pledgeId);
        return n.isEmpty() ? "" : " – " + escape(n.replaceAll("\\s+", " "));
    }

    /** One document without statuses and links: exactly what the heading importer reads back. */
    public static String document(PledgeDocument d) {
        return render(d, Map.of(), List.of(), Map.of());
    }

    private static String render(PledgeDocument d, Map<String, StatusTrack> tracks, List<PledgeLink> links,
            Map<String, String> titles) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(d.title().isEmpty() ? d.id() : d.title())).append("\n\n");
        if (!tracks.isEmpty() || !links.isEmpty()) {
            md.append('*').append(escape(d.issuer())).append(" · ").append(d.kind().label());
            if (!d.period().isEmpty()) md.append(" · ").append(escape(d.period()));
            md.append("*\n\n");
        }
        for (String p : d.preamble()) md.append(escape(p)).append("\n\n");
        for (Pledge p : d.pledges()) {
            md.append("## ").append(escape(p.title())).append("\n\n");
            if (!p.body().isEmpty()) md.append(escape(p.body())).append("\n\n");
            for (String f : p.fullText()) md.append(escape(f)).append("\n\n");
            StatusTrack t = tracks.get(p.id());
            if (t != null) {
                md.append("Status: ").append(t.current().label()).append("\n\n");
                t.evidence().forEach(e -> md.append("- ").append(e.date()).append(": ").append(escape(e.text()))
                        .append(e.link().isEmpty() ? "" : " (" + e.link() + ")").append('\n'));
                if (!t.evidence().isEmpty()) md.append('\n');
            }
            for (PledgeLink l : links) {
                if (!l.involves(p.id())) continue;
                String other = l.other(p.id());
                md.append("Verknüpft (").append(l.kind().label()).append("): ")
                        .append(escape(titles.getOrDefault(other, other))).append("\n\n");
            }
        }
        return md.toString();
    }

    /**
     * Keeps user text from being read as Markdown structure: a leading "#", "-", "+", ">" or
     * "1." would start a heading, list or quote, and "*", "_", "[", "`", "<" inline markup.
     */
    static String escape(String s) {
        String t = s.replaceAll("([\\\\`*_\\[\\]<>])", "\\\\$1");
        if (t.matches("^(#|[-+>]).*")) t = "\\" + t;
        t = t.replaceFirst("^(\\d+)\\.", "$1\\\\.");
        return t;
    }
}
