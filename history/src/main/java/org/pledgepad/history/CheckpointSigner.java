package org.pledgepad.history;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Ed25519 signing and checking of checkpoints and erasure records with the JDK's own provider
 * (Java 15+). One key signs both; the domain tags keep one kind of message from passing as the other.
 */
public final class CheckpointSigner {
  private static final String ALG = "Ed25519";

  private final String keyId;
  private final PrivateKey key;

  public CheckpointSigner(String keyId, PrivateKey key) {
    this.keyId = Objects.requireNonNull(keyId);
    this.key = Objects.requireNonNull(key);
  }

  public static KeyPair generateKeyPair() {
    try {
      return KeyPairGenerator.getInstance(ALG).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of the JDK since 15", e);
    }
  }

  public Checkpoint sign(String doc, long seq, byte[] head, long timeMillis) {
    return new Checkpoint(doc, seq, head.clone(), timeMillis, keyId,
        sign(Hashes.checkpointMessage(doc, seq, head, timeMillis, keyId)));
  }

  /**
   * Signs the next erasure record of {@code doc}: {@code previous} is the document's newest
   * record (null for the first), entries are sorted by seq.
   */
  public ErasureRecord signErasure(String doc, ErasureRecord previous, long timeMillis, boolean backfilled,
                                   List<ErasureRecord.Entry> entries) {
    return signErasure(doc, previous, previous == null ? 1 : previous.index() + 1, timeMillis, backfilled, entries);
  }

  /**
   * As above with an explicit index above {@code previous}'s: the server skips indexes held by
   * records that do not verify (a junk row inserted by SQL), chaining from the last one that does.
   */
  public ErasureRecord signErasure(String doc, ErasureRecord previous, long index, long timeMillis, boolean backfilled,
                                   List<ErasureRecord.Entry> entries) {
    return signErasure(doc, previous, index, timeMillis, backfilled, 0, entries);
  }

  /**
   * As above for a plan made against the head {@code asOf} (v2 message; history/README.md,
   * "Partial redaction"): its stand-ins may keep the units that stood then.
   */
  public ErasureRecord signErasure(String doc, ErasureRecord previous, long index, long timeMillis, boolean backfilled,
                                   long asOf, List<ErasureRecord.Entry> entries) {
    if (index <= (previous == null ? 0 : previous.index())) {
      throw new IllegalArgumentException("an erasure record's index must be above its predecessor's");
    }
    List<ErasureRecord.Entry> sorted = entries.stream()
        .sorted(Comparator.comparingLong(ErasureRecord.Entry::seq)).toList();
    byte[] prev = previous == null ? Hashes.erasureGenesis(doc) : previous.hash();
    byte[] message = Hashes.erasureMessage(doc, index, prev, timeMillis, keyId, backfilled, asOf, sorted);
    return new ErasureRecord(doc, index, prev, timeMillis, keyId, backfilled, asOf, sorted, sign(message));
  }

  /** True if {@code r} is signed under {@code key} as a record of {@code doc}, whatever document it names. */
  public static boolean verify(ErasureRecord r, String doc, PublicKey key) {
    return key != null && verify(r.message(doc), r.signature(), key);
  }

  private byte[] sign(byte[] message) {
    try {
      Signature s = Signature.getInstance(ALG);
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  private static boolean verify(byte[] message, byte[] signature, PublicKey key) {
    try {
      Signature s = Signature.getInstance(ALG);
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** True if the signature is valid under {@code key}; false for any malformed input. */
  public static boolean verify(Checkpoint c, PublicKey key) {
    return key != null && verify(Hashes.checkpointMessage(c.doc(), c.seq(), c.head(), c.timeMillis(), c.keyId()),
        c.signature(), key);
  }

  /** Public keys travel as X.509 SubjectPublicKeyInfo bytes (what {@code getEncoded()} gives). */
  public static PublicKey publicKey(byte[] x509) {
    try {
      return KeyFactory.getInstance(ALG).generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key", e);
    }
  }

  /** Private keys are stored as PKCS#8 bytes (what {@code getEncoded()} gives). */
  public static PrivateKey privateKey(byte[] pkcs8) {
    try {
      return KeyFactory.getInstance(ALG).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 private key", e);
    }
  }
}
