package org.pledgepad.history;

import java.util.Objects;

/**
 * A signed statement "document doc had head hash head at seq, at time": published or kept
 * elsewhere, it makes truncating or rewriting the log (with recomputed hashes) detectable.
 *
 * @param keyId which key signed it (keys rotate; the verifier gets a key-id → public-key map)
 * @param signature Ed25519 over {@link Hashes#checkpointMessage}
 */
public record Checkpoint(String doc, long seq, byte[] head, long timeMillis, String keyId, byte[] signature) {
  public Checkpoint {
    Objects.requireNonNull(doc);
    Objects.requireNonNull(head);
    Objects.requireNonNull(keyId);
    Objects.requireNonNull(signature);
  }
}
