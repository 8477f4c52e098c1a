package org.pledgepad.history;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;

/** Signed erasure records for test logs, written the way the server writes them. */
final class TestErasures {
  static final KeyPair KEYS = CheckpointSigner.generateKeyPair();
  static final CheckpointSigner SIGNER = new CheckpointSigner("e1", KEYS.getPrivate());

  private TestErasures() {}

  static Map<String, PublicKey> trusted() {
    return Map.of("e1", KEYS.getPublic());
  }

  /** The next record of {@code doc} listing these rows as they are once erased. */
  static ErasureRecord record(String doc, ErasureRecord previous, List<LogRow> erased) {
    return SIGNER.signErasure(doc, previous, 1_764_500_000_000L, false,
        erased.stream().map(ErasureRecord.Entry::of).toList());
  }

  /** One record listing every erased row of {@code rows}. */
  static ErasureRecord recordOfErased(List<LogRow> rows) {
    return record(rows.get(0).doc(), null, rows.stream().filter(LogRow::erased).toList());
  }
}
