package org.pledgepad.pledges.succession;

import java.util.ArrayList;
import java.util.List;
import org.pledgepad.pledges.model.CarryOver;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.Succession;

/** Checks a succession against its two documents and tells the fate of each predecessor pledge. */
public final class SuccessionCheck {
    private SuccessionCheck() {}

    /** Problems in words; empty when every referenced pledge exists in the right document. */
    public static List<String> problems(Succession s, PledgeDocument predecessor, PledgeDocument successor) {
        List<String> out = new ArrayList<>();
        if (!s.predecessorId().equals(predecessor.id())) out.add("Vorgänger ist " + s.predecessorId() + ", nicht " + predecessor.id());
        if (!s.successorId().equals(successor.id())) out.add("Nachfolger ist " + s.successorId() + ", nicht " + successor.id());
        for (CarryOver c : s.carriedOver()) {
            if (predecessor.pledge(c.predecessorPledgeId()).isEmpty()) {
                out.add("übernommener Punkt " + c.predecessorPledgeId() + " fehlt im Vorgänger");
            }
            if (successor.pledge(c.successorPledgeId()).isEmpty()) {
                out.add("Punkt " + c.successorPledgeId() + " fehlt im Nachfolger");
            }
        }
        for (String d : s.dropped()) {
            if (predecessor.pledge(d).isEmpty()) out.add("entfallener Punkt " + d + " fehlt im Vorgänger");
        }
        return out;
    }

    public static Fate fate(Succession s, String predecessorPledgeId) {
        if (s.carriedOver().stream().anyMatch(c -> c.predecessorPledgeId().equals(predecessorPledgeId))) {
            return Fate.CARRIED_OVER;
        }
        return s.dropped().contains(predecessorPledgeId) ? Fate.DROPPED : Fate.UNDECIDED;
    }

    /** Predecessor pledges neither carried over nor dropped. */
    public static List<Pledge> undecided(Succession s, PledgeDocument predecessor) {
        return predecessor.pledges().stream().filter(p -> fate(s, p.id()) == Fate.UNDECIDED).toList();
    }
}
