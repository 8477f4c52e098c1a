package org.pledgepad.server.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pledgepad.annotations.service.PrivacyService;
import org.pledgepad.history.NamedVersion;
import org.pledgepad.server.access.AccountPrivacy;
import org.pledgepad.server.annotations.ModerationRecords;
import org.pledgepad.server.history.DocumentHistories;
import org.pledgepad.server.history.HistoryDb;
import org.pledgepad.server.pledges.PledgePrivacy;

/**
 * A person's data as one JSON-ready document (GDPR Art. 15 access, Art. 20 portability): the
 * account without secrets, their comments, suggestions and reports, the document edits logged
 * under their subject (document, seq, time — not the update bytes, which mix with others'
 * edits and are readable through the history API), their clientID bindings, and the pledge
 * records that name them: status changes they set with their notes, links they created and the
 * succession log entries they are the actor of ({@link PledgePrivacy}), and what they did as a
 * moderator: suggestions decided, reports closed, moderation audit entries
 * ({@link ModerationRecords}). Blocking.
 */
public final class PersonalData {
  private final AccountPrivacy accounts;
  private final PrivacyService annotations;
  private final DocumentHistories histories;
  private final PledgePrivacy pledges;
  private final ModerationRecords moderation;

  public PersonalData(AccountPrivacy accounts, PrivacyService annotations, DocumentHistories histories,
      PledgePrivacy pledges, ModerationRecords moderation) {
    this.accounts = accounts;
    this.annotations = annotations;
    this.histories = histories;
    this.pledges = pledges;
    this.moderation = moderation;
  }

  public Map<String, Object> export(String subject) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("subject", subject);
    out.put("exportedAt", Instant.now().toString());
    out.putAll(accounts.export(subject));
    Map<String, Object> ann = new LinkedHashMap<>(annotations.exportFor(subject));
    ann.remove("subject");
    ann.putAll(moderation.exportFor(subject));
    out.put("annotations", ann);
    out.put("history", history(subject));
    out.put("pledges", pledges.exportFor(subject));
    return out;
  }

  private Map<String, Object> history(String subject) {
    List<Map<String, Object>> edits = new ArrayList<>();
    for (HistoryDb.Edit e : DocumentHistories.sql(() -> histories.db().editsOf(subject))) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("document", e.document());
      m.put("seq", e.seq());
      m.put("time", Instant.ofEpochMilli(e.timeMillis()).toString());
      m.put("contentErased", e.erased());
      if (e.suggestion() != null) {
        m.put("acceptedSuggestion", e.suggestion());
      }
      edits.add(m);
    }
    List<Map<String, Object>> named = new ArrayList<>();
    for (Map.Entry<String, NamedVersion> n : DocumentHistories.sql(() -> histories.db().namedBy(subject))) {
      named.add(Map.of("document", n.getKey(), "seq", n.getValue().seq(), "name", n.getValue().name(),
          "time", Instant.ofEpochMilli(n.getValue().timeMillis()).toString()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("edits", edits);
    out.put("namedVersions", named);
    return out;
  }
}
