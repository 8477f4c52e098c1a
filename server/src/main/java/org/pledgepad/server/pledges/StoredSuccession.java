package org.pledgepad.server.pledges;

import java.util.Map;
import org.pledgepad.pledges.model.Succession;

/**
 * A succession as stored: the library record plus a note per predecessor pledge. The notes are
 * editorial remarks of the server ("dropped because the budget moved to the district"); the
 * open-data format has no field for them, so exports carry the succession without notes.
 */
record StoredSuccession(Succession succession, Map<String, String> notes) {
  StoredSuccession {
    notes = Map.copyOf(notes);
  }
}
