package org.pledgepad.pledges.succession;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pledgepad.pledges.model.CarryOver;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeLink;
import org.pledgepad.pledges.model.Succession;

/**
 * Where a pledge came from and what became of it: election programme → coalition agreement 2021 →
 * agreement 2022 and so on. Edges come from two sources: confirmed links (same or partly) between
 * an election-programme pledge and a pledge of another kind of document, oriented from the
 * programme; and carry-overs of successions, oriented from predecessor to successor.
 */
public final class Provenance {
    private final Map<String, String> documentOf = new HashMap<>();
    private final Map<String, List<ProvenanceEdge>> forward = new HashMap<>();
    private final Map<String, List<ProvenanceEdge>> backward = new HashMap<>();
    private final List<ProvenanceEdge> edges = new ArrayList<>();

    public Provenance(List<PledgeDocument> documents, List<PledgeLink> links, List<Succession> successions) {
        Map<String, DocumentKind> kindOf = new HashMap<>();
        for (PledgeDocument d : documents) {
            d.pledges().forEach(p -> {
                documentOf.put(p.id(), d.id());
                kindOf.put(p.id(), d.kind());
            });
        }
        for (PledgeLink l : links) {
            if (!l.kind().counts() || !kindOf.containsKey(l.a()) || !kindOf.containsKey(l.b())) continue;
            boolean aIsProgramme = kindOf.get(l.a()) == DocumentKind.ELECTION_PROGRAMME;
            boolean bIsProgramme = kindOf.get(l.b()) == DocumentKind.ELECTION_PROGRAMME;
            if (aIsProgramme == bIsProgramme) continue;   // same generation: related, not derived
            String from = aIsProgramme ? l.a() : l.b();
            String to = aIsProgramme ? l.b() : l.a();
            add(new ProvenanceEdge(from, to, ProvenanceEdge.Via.PROGRAMME_LINK, l.kind()));
        }
        for (Succession s : successions) {
            for (CarryOver c : s.carriedOver()) {
                add(new ProvenanceEdge(c.predecessorPledgeId(), c.successorPledgeId(), ProvenanceEdge.Via.CARRIED_OVER,
                        c.kind()));
            }
        }
    }

    private void add(ProvenanceEdge e) {
        edges.add(e);
        forward.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        backward.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
    }

    public List<ProvenanceEdge> edges() {
        return List.copyOf(edges);
    }

    /** Older pledges this one descends from, nearest first. */
    public List<String> ancestors(String pledgeId) {
        return walk(pledgeId, backward, true);
    }

    /** Newer pledges that continue this one, nearest first. */
    public List<String> descendants(String pledgeId) {
        return walk(pledgeId, forward, false);
    }

    /**
     * The whole line through a pledge, oldest first: its ancestors, itself, its descendants. Each
     * step names the edge that led to it. Where a line branches (two programme pledges merged into
     * one agreement pledge) all branches appear, each ancestor before what it led to.
     */
    public List<ProvenanceStep> chain(String pledgeId) {
        List<String> older = new ArrayList<>(ancestors(pledgeId));
        java.util.Collections.reverse(older);
        List<ProvenanceStep> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> order = new ArrayList<>(older);
        order.add(pledgeId);
        order.addAll(descendants(pledgeId));
        for (String id : order) {
            if (!seen.add(id)) continue;
            ProvenanceEdge by = backward.getOrDefault(id, List.of()).stream()
                    .filter(e -> seen.contains(e.from())).findFirst().orElse(null);
            out.add(new ProvenanceStep(id, documentOf.getOrDefault(id, ""), by));
        }
        return out;
    }

    private static List<String> walk(String start, Map<String, List<ProvenanceEdge>> next, boolean back) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String id = queue.poll();
            for (ProvenanceEdge e : next.getOrDefault(id, List.of())) {
                String n = back ? e.from() : e.to();
                if (!n.equals(start) && out.add(n)) queue.add(n);
            }
        }
        return new ArrayList<>(out);
    }
}
