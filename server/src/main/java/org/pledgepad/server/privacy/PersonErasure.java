package org.pledgepad.server.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pledgepad.annotations.service.AnnotationEvent;
import org.pledgepad.annotations.service.Outcome;
import org.pledgepad.annotations.service.PrivacyService;
import org.pledgepad.auth.Role;
import org.pledgepad.server.access.AccountPrivacy;
import org.pledgepad.server.history.DocumentHistories;
import org.pledgepad.server.pledges.PledgePrivacy;

/**
 * Erasing a person (GDPR Art. 17) across the product, in the order of history/README.md
 * "Erasure policy": suggestion notes that still carry the person's display name (so that the
 * next step finds those rows), history content (citizens and guests: rows whose text no longer
 * stands), then the pledge index of those documents, re-read from the content that stands, annotations, the pledge records that
 * name them (status changes, links, succession log: rows kept, the subject replaced by
 * {@link AccountPrivacy#ERASED_NAME}, status notes blanked), and last the account
 * itself, which becomes a tombstone. The annotation events of the result are for the caller to
 * push to open documents (clients refetch the erased threads). The account is stopped first
 * ({@link #freeze}: disabled, browser sessions gone, so nothing the person sends meanwhile is
 * stored after their data was erased) and becomes a tombstone last, so that a run that fails
 * halfway can be repeated with the same login; every step is idempotent. Blocking.
 */
public final class PersonErasure {
  private final AccountPrivacy accounts;
  private final PrivacyService annotations;
  private final DocumentHistories histories;
  private final PledgePrivacy pledges;

  public PersonErasure(AccountPrivacy accounts, PrivacyService annotations, DocumentHistories histories,
      PledgePrivacy pledges) {
    this.accounts = accounts;
    this.annotations = annotations;
    this.histories = histories;
    this.pledges = pledges;
  }

  /** What one erasure did, for the caller and the operator's console. */
  public record Result(String subject, boolean wasErased, boolean contentErased,
      List<DocumentHistories.ErasureResult> documents, int notesRewritten, int annotationRecords,
      int pledgeRecords, int pledgeDocumentsReindexed, List<AnnotationEvent> events) {
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("subject", subject);
      m.put("alreadyErased", wasErased);
      m.put("historyContentErased", contentErased);
      List<Map<String, Object>> docs = new ArrayList<>();
      for (DocumentHistories.ErasureResult d : documents) {
        docs.add(Map.of("document", d.document(), "rowsRedacted", d.redacted(), "rowsKept", d.kept(),
            "snapshotsRebuilt", d.snapshotsRebuilt()));
      }
      m.put("documents", docs);
      m.put("notesRewritten", notesRewritten);
      m.put("annotationRecords", annotationRecords);
      m.put("pledgeRecords", pledgeRecords);
      m.put("pledgeDocumentsReindexed", pledgeDocumentsReindexed);
      return m;
    }
  }

  /** For tests: runs inside {@link #erase} once the content is erased, before the last steps. */
  static volatile Runnable duringErasureForTests = () -> {};

  /**
   * Stops the account with this id (or login) from acting: disabled, browser sessions deleted;
   * returns its id, empty when there is none. The caller then refreshes the access layer (which
   * closes the person's open connections) before {@link #erase}, which freezes again itself.
   */
  public Optional<String> freeze(String idOrLogin) {
    Optional<AccountPrivacy.Account> found = accounts.find(idOrLogin);
    found.ifPresent(a -> accounts.freeze(a.id()));
    return found.map(AccountPrivacy.Account::id);
  }

  /** Erases the account with this id (or login); empty when there is none. */
  public Optional<Result> erase(String idOrLogin) {
    Optional<AccountPrivacy.Account> found = accounts.find(idOrLogin);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AccountPrivacy.Account a = found.get();
    accounts.freeze(a.id());
    // Notes from before subjects name the suggester by display name: they must name the
    // subject before the content erasure looks for the person's rows, or a first run misses
    // those suggestions (review item 5). Not once the account is a tombstone (name gone).
    int notes = 0;
    if (!a.erased()) {
      for (String doc : DocumentHistories.sql(() -> histories.db().documents())) {
        notes += histories.rewriteLegacyNotes(doc, a.id(), a.displayName(), annotations::suggesterOf);
      }
    }
    // Officials' edits are the council's public record (Art. 17(3)(b)): identity only.
    boolean content = a.role() == Role.CITIZEN || a.role() == Role.GUEST;
    List<DocumentHistories.ErasureResult> docs = new ArrayList<>();
    if (content) {
      for (String doc : DocumentHistories.sql(() -> histories.db().documentsOf(a.id()))) {
        docs.add(histories.erase(doc, a.id()));
      }
    } else {
      Map<String, Integer> kept = new java.util.TreeMap<>();
      for (var e : DocumentHistories.sql(() -> histories.db().editsOf(a.id()))) {
        kept.merge(e.document(), e.erased() ? 0 : 1, Integer::sum);
      }
      kept.forEach((doc, n) -> docs.add(new DocumentHistories.ErasureResult(doc, 0, n, 0)));
    }
    // The pledge index is re-read on a document's next read only: until then it would still
    // hold the wording just erased from the history. Every document the person wrote in, on
    // every run (a run stopped before this step is repeated whole).
    int reindexed = 0;
    if (content) {
      for (DocumentHistories.ErasureResult d : docs) {
        reindexed += pledges.reindex(d.document(), () -> histories.current(d.document())) ? 1 : 0;
      }
    }
    Outcome<Integer> erased = annotations.eraseFor(a.id());
    // Pledge status history and the succession audit log stay, unattributed (all roles: the
    // public record is the status and its reason, not who clicked); a citizen's notes go.
    int pledgeRecords = pledges.eraseFor(a.id(), AccountPrivacy.ERASED_NAME, content);
    duringErasureForTests.run();
    // Once more: a request admitted before the freeze may have stored a post while the steps
    // above ran (it waited in its document's queue). Idempotent; usually finds nothing.
    Outcome<Integer> late = annotations.eraseFor(a.id());
    accounts.tombstone(a.id());
    List<AnnotationEvent> events = new ArrayList<>(erased.events());
    events.addAll(late.events());
    return Optional.of(new Result(a.id(), a.erased(), content, docs, notes, erased.value() + late.value(),
        pledgeRecords, reindexed, events));
  }
}
