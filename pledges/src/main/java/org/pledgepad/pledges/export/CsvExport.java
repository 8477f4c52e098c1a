package org.pledgepad.pledges.export;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.pledgepad.pledges.model.CarryOver;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeLink;
import org.pledgepad.pledges.model.StatusChange;
import org.pledgepad.pledges.model.StatusEvidence;
import org.pledgepad.pledges.model.StatusTrack;
import org.pledgepad.pledges.model.Succession;

/**
 * Open-data tables as CSV (RFC 4180, UTF-8 without byte-order mark, CRLF, header row). One table per
 * kind of record, each row carrying the licence so a table copied on its own keeps its terms.
 */
public final class CsvExport {
    public static final String MEDIA_TYPE = "text/csv; charset=utf-8; header=present";

    private CsvExport() {}

    /** One row per pledge with its document and current status. */
    public static ExportFile pledges(OpenDataBundle b) {
        Map<String, StatusTrack> tracks = new HashMap<>();
        b.statuses().forEach(t -> tracks.put(t.pledgeId(), t));
        Csv csv = new Csv().row("dokument_id", "dokument_titel", "herausgeber", "art", "zeitraum", "kapitel",
                "punkt_id", "titel", "text", "volltext", "status", "lizenz");
        for (PledgeDocument d : b.documents()) {
            for (Pledge p : d.pledges()) {
                StatusTrack t = tracks.getOrDefault(p.id(), StatusTrack.open(p.id()));
                csv.row(d.id(), d.title(), d.issuer(), d.kind().label(), d.period(), p.chapter(), p.id(), p.title(),
                        p.body(), String.join("\n\n", p.fullText()), t.current().label(), b.licence().name());
            }
        }
        return ExportFile.of("punkte.csv", MEDIA_TYPE, csv.toString());
    }

    public static ExportFile links(OpenDataBundle b) {
        Csv csv = new Csv().row("punkt_a", "punkt_b", "art", "erstellt_von", "erstellt_am", "herkunft", "lizenz");
        for (PledgeLink l : b.links()) {
            csv.row(l.a(), l.b(), l.kind().label(), l.createdBy(), l.createdAt().toString(), l.origin().name(),
                    b.licence().name());
        }
        return ExportFile.of("verknuepfungen.csv", MEDIA_TYPE, csv.toString());
    }

    /** The full status history: one row per change and one per evidence entry. */
    public static ExportFile statuses(OpenDataBundle b) {
        Csv csv = new Csv().row("punkt_id", "eintrag", "datum", "status", "von", "text", "link", "lizenz");
        for (StatusTrack t : b.statuses()) {
            for (StatusChange c : t.history()) {
                csv.row(t.pledgeId(), "status", c.at().toString(), c.status().label(), c.changedBy(), c.note(), "",
                        b.licence().name());
            }
            for (StatusEvidence e : t.evidence()) {
                csv.row(t.pledgeId(), "beleg", e.date().toString(), "", "", e.text(), e.link(), b.licence().name());
            }
        }
        return ExportFile.of("status.csv", MEDIA_TYPE, csv.toString());
    }

    /** One row per decided predecessor pledge (carried over or dropped) with the editors' note. */
    public static ExportFile successions(OpenDataBundle b) {
        Csv csv = new Csv().row("vorgaenger", "nachfolger", "gilt_ab", "punkt_vorher", "punkt_nachher", "art", "notiz",
                "lizenz");
        for (Succession s : b.successions()) {
            Set<String> decided = new HashSet<>();
            for (CarryOver c : s.carriedOver()) {
                decided.add(c.predecessorPledgeId());
                csv.row(s.predecessorId(), s.successorId(), s.effective().toString(), c.predecessorPledgeId(),
                        c.successorPledgeId(), c.kind().label(), s.note(c.predecessorPledgeId()), b.licence().name());
            }
            for (String dropped : s.dropped()) {
                decided.add(dropped);
                csv.row(s.predecessorId(), s.successorId(), s.effective().toString(), dropped, "", "entfallen",
                        s.note(dropped), b.licence().name());
            }
            // A note on a pledge not yet decided is still a public remark; it must not vanish from the table.
            s.notes().forEach((pledge, note) -> {
                if (!decided.contains(pledge)) {
                    csv.row(s.predecessorId(), s.successorId(), s.effective().toString(), pledge, "", "offen", note,
                            b.licence().name());
                }
            });
        }
        return ExportFile.of("nachfolge.csv", MEDIA_TYPE, csv.toString());
    }
}
