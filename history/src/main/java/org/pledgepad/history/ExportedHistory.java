package org.pledgepad.history;

import java.security.PublicKey;
import java.util.List;
import java.util.Map;

/**
 * A document's history as carried by an export file: everything the {@link Verifier} needs.
 *
 * @param publicKeys the keys the exporting server declared; a careful verifier pins its own
 * @param erasures the signed erasure records (none in exports written before they existed)
 */
public record ExportedHistory(String doc, List<LogRow> rows, List<Checkpoint> checkpoints,
                              Map<String, PublicKey> publicKeys, List<StoredSnapshot> snapshots,
                              List<ErasureRecord> erasures) {

  /** Checkpoints and erasure records are both checked against {@code trustedKeys}. */
  public Verifier verifier(Map<String, PublicKey> trustedKeys) {
    return new Verifier(doc).checkpoints(checkpoints, trustedKeys).snapshots(snapshots)
        .erasures(erasures, trustedKeys);
  }
}
