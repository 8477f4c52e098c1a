package org.pledgepad.server.access;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pledgepad.auth.Body;
import org.pledgepad.server.store.DocumentInfo;
import org.pledgepad.server.store.DocumentKind;
import org.pledgepad.server.store.DocumentStage;

/**
 * The parsed body of PATCH /api/documents/{name}: each field absent means "leave as is"; editors
 * and commenters, when present, replace the whole list. The
 * body is hostile network input, so parsing is strict: unknown fields, wrong types, empty
 * objects, over-long or control-character titles and unknown enum values are all refused.
 */
record DocumentSettingsPatch(
    Optional<String> title, Optional<DocumentKind> kind, Optional<DocumentStage> stage, Optional<Body> ownerBody,
    Optional<List<String>> editors, Optional<List<String>> commenters) {
  static final int MAX_TITLE = 200;
  /** Most people listed as editors, and as commenters, of one document. */
  static final int MAX_MEMBERS = 200;
  private static final Set<String> FIELDS = Set.of("title", "kind", "stage", "ownerBody", "editors", "commenters");
  private static final String ALLOWED = "title, kind, stage, ownerBody, editors, commenters";

  /** Thrown with a message that is safe to show the caller (it never echoes their input). */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  static DocumentSettingsPatch parse(JsonObject body) throws Invalid {
    if (body == null || body.isEmpty()) {
      throw new Invalid("Expected a JSON object with at least one of " + ALLOWED);
    }
    for (String field : body.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw new Invalid("Unknown field; allowed: " + ALLOWED);
      }
    }
    Map<String, Object> m = body.getMap();
    return new DocumentSettingsPatch(
        m.containsKey("title") ? Optional.of(title(m.get("title"))) : Optional.empty(),
        m.containsKey("kind") ? Optional.of(kind(m.get("kind"))) : Optional.empty(),
        m.containsKey("stage") ? Optional.of(stage(m.get("stage"))) : Optional.empty(),
        m.containsKey("ownerBody") ? Optional.of(owner(m.get("ownerBody"))) : Optional.empty(),
        m.containsKey("editors") ? Optional.of(people(m.get("editors"), "editors")) : Optional.empty(),
        m.containsKey("commenters") ? Optional.of(people(m.get("commenters"), "commenters")) : Optional.empty());
  }

  /**
   * A whole list of people (it replaces the stored one): account logins or ids, each at most once.
   * Whether they are accounts is the route's to check, against the accounts it knows.
   */
  private static List<String> people(Object value, String field) throws Invalid {
    Object v = value instanceof io.vertx.core.json.JsonArray a ? a.getList() : value;
    if (!(v instanceof List<?> list)) {
      throw new Invalid(field + " must be an array of account logins or ids");
    }
    if (list.size() > MAX_MEMBERS) {
      throw new Invalid(field + " may list at most " + MAX_MEMBERS + " people");
    }
    List<String> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String s) || s.isEmpty() || s.length() > 256 || !s.equals(s.strip())) {
        throw new Invalid(field + "[" + i + "] must be an account login or id");
      }
      if (out.contains(s)) {
        throw new Invalid(field + "[" + i + "] is listed twice");
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  /**
   * Whether the patch is one a draft's writers may make: its title (a typo in a motion just
   * started) and the step into consultation (the body puts its own motion up for comment), both
   * or either, nothing else. Going back, publishing and who may edit stay the admins'.
   */
  boolean forDraftWriters() {
    return (title.isPresent() || stage.isPresent()) && stage.map(s -> s == DocumentStage.CONSULTATION).orElse(true)
        && kind.isEmpty() && ownerBody.isEmpty() && editors.isEmpty() && commenters.isEmpty();
  }

  /** The document's metadata with this patch applied. */
  DocumentInfo applyTo(DocumentInfo d) {
    return new DocumentInfo(d.name(), title.orElse(d.title()), kind.orElse(d.kind()), stage.orElse(d.stage()),
        d.updatedAt(), d.headSeq());
  }

  /** {@code v} if it is a valid title; also what POST /api/documents takes. */
  static String title(Object v) throws Invalid {
    if (!(v instanceof String s) || s.isBlank() || s.length() > MAX_TITLE || !s.equals(s.strip())) {
      throw new Invalid("title must be a non-blank string of at most " + MAX_TITLE
          + " characters without leading or trailing spaces");
    }
    if (s.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
      throw new Invalid("title must not contain control characters or line breaks");
    }
    return s;
  }

  private static DocumentKind kind(Object v) throws Invalid {
    return oneOf(v, DocumentKind.values(), DocumentKind::wire, "kind");
  }

  private static DocumentStage stage(Object v) throws Invalid {
    return oneOf(v, DocumentStage.values(), DocumentStage::wire, "stage");
  }

  /** The value whose exact wire name {@code v} is (no case folding: the API has one spelling). */
  private static <T> T oneOf(Object v, T[] values, Function<T, String> wire, String field) throws Invalid {
    for (T t : values) {
      if (wire.apply(t).equals(v)) {
        return t;
      }
    }
    throw new Invalid(field + " must be one of " + Arrays.stream(values).map(wire).collect(Collectors.joining(", ")));
  }

  /** {@code v} as an assignable owner body; also what POST /api/documents takes. */
  static Body owner(Object v) throws Invalid {
    // The reserved "no owner" body must not be assignable: nobody is its member by design.
    if (!(v instanceof String s) || !Body.isValid(s) || s.equals(DocumentAccessStore.NO_OWNER.id())) {
      throw new Invalid("ownerBody must be a body id (lower-case letters, digits, dashes; at most 64)");
    }
    return new Body(s);
  }
}
