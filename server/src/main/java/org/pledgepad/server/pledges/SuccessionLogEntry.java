package org.pledgepad.server.pledges;

import java.time.Instant;
import org.pledgepad.pledges.model.Succession;

/** One audited change of a succession: who did what when, and the succession as it then stood. */
record SuccessionLogEntry(SuccessionAction action, String actor, Instant at, Succession succession) {}
