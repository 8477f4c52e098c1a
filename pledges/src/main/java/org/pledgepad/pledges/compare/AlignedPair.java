package org.pledgepad.pledges.compare;

import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeLink;

/** Two pledges a person has linked, with the link that says how they relate. */
public record AlignedPair(Pledge a, Pledge b, PledgeLink link) {}
