package org.pledgepad.server.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Metadata of one document as the REST API shows it. */
public record DocumentInfo(
    String name, String title, DocumentKind kind, DocumentStage stage, Instant updatedAt, long headSeq) {

  /** Documents created implicitly by a first update get these until someone edits them. */
  public static final DocumentKind DEFAULT_KIND = DocumentKind.MOTION;
  public static final DocumentStage DEFAULT_STAGE = DocumentStage.DRAFT;

  public JsonObject toJson(boolean withHeadSeq) {
    JsonObject o = new JsonObject()
        .put("name", name)
        .put("title", title)
        .put("kind", kind.wire())
        .put("stage", stage.wire())
        .put("updatedAt", updatedAt.toString());
    if (withHeadSeq) {
      o.put("headSeq", headSeq);
    }
    return o;
  }
}
