package org.pledgepad.annotations;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.pledgepad.annotations.limit.Quotas;
import org.pledgepad.annotations.limit.RateLimiter;
import org.pledgepad.annotations.repo.InMemoryAnnotationRepository;
import org.pledgepad.annotations.service.AnnotationContext;
import org.pledgepad.annotations.service.Annotations;
import org.pledgepad.auth.Body;
import org.pledgepad.auth.DocumentAccess;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.Stage;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;

/** People, a document in consultation and a Tiptap-shaped Y.Doc for the service tests. */
public final class Fixtures {
  public static final Body COUNCIL = new Body("demo-council");
  public static final Principal CITIZEN = person("citizen-1", "Clara Bürger", Role.CITIZEN, Set.of());
  public static final Principal CITIZEN_2 = person("citizen-2", "Paul Meier", Role.CITIZEN, Set.of());
  public static final Principal EDITOR = person("councillor-1", "Anna Rat", Role.COUNCILLOR, Set.of(COUNCIL));
  public static final Principal OTHER_COUNCILLOR = person("councillor-9", "Ben Fremd", Role.COUNCILLOR, Set.of());
  public static final Principal MODERATOR = person("moderator-1", "Mo Derat", Role.MODERATOR, Set.of());
  public static final Principal GUEST = Principal.anonymous();
  public static final DocumentAccess CONSULTATION =
      new DocumentAccess("koalitionsvertrag", COUNCIL, Set.of(), Set.of(), Stage.CONSULTATION);

  public final InMemoryAnnotationRepository repo = new InMemoryAnnotationRepository();
  public final AtomicLong nanos = new AtomicLong();
  public final MutableClock clock = new MutableClock();
  private final AtomicLong ids = new AtomicLong();
  public final AnnotationContext ctx;
  public final Annotations annotations;

  public Fixtures() {
    this(RateLimiter.DEFAULT_CAPACITY);
  }

  public Fixtures(int burst) {
    this(burst, Quotas.DEFAULTS);
  }

  public Fixtures(int burst, Quotas quotas) {
    ctx = new AnnotationContext(repo, clock, () -> "id-" + ids.incrementAndGet(),
        new RateLimiter(burst, RateLimiter.DEFAULT_REFILL_NANOS, 1000, nanos::get), quotas);
    annotations = new Annotations(ctx);
  }

  public static Principal person(String subject, String name, Role role, Set<Body> bodies) {
    return new Principal(subject, subject, name, false, role, bodies, null);
  }

  /** A Tiptap document: fragment "default" with one paragraph per string. */
  public static Doc tiptap(long clientId, String... paragraphs) {
    Doc doc = new Doc(new DocOptions().clientID(clientId));
    YXmlFragment root = doc.getXmlFragment("default");
    doc.transact(tr -> {
      for (String p : paragraphs) {
        YXmlElement para = new YXmlElement("paragraph");
        root.push(java.util.List.of(para));
        YXmlText text = new YXmlText();
        para.push(java.util.List.of(text));
        text.insert(0, p);
      }
    });
    return doc;
  }

  /** The text of paragraph {@code i} of a Tiptap document. */
  public static YXmlText paragraph(Doc doc, int i) {
    YXmlElement para = (YXmlElement) doc.getXmlFragment("default").get(i);
    return (YXmlText) para.get(0);
  }

  /** A clock the tests move by hand. */
  public static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-05-01T10:00:00Z");

    public void advanceSeconds(long s) {
      now = now.plusSeconds(s);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
