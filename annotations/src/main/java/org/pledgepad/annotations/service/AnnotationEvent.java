package org.pledgepad.annotations.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change the server pushes to the document's open connections (Hocuspocus stateless message)
 * so that their sidebars refresh. Events carry ids only, never text: each client fetches what
 * changed through the REST API, which applies that viewer's permissions (a hidden body must not
 * travel to everyone inside a push). See README.md for the wire shape.
 *
 * @param type     e.g. "thread.created", "post.hidden" (list in README.md)
 * @param document document name
 * @param thread   thread id, or null for document-level events
 * @param post     post id, or null
 * @param audience who may receive it
 * @param user     for {@link Audience#AUTHOR_AND_MODERATORS}: the author's subject; never sent
 * @param at       time of the change
 */
public record AnnotationEvent(String type, String document, String thread, String post, Audience audience,
    String user, Instant at) {
  /** Which connections the server sends an event to. */
  public enum Audience {
    /** Every connection allowed to READ the document. */
    ALL,
    /** Connections whose principal may MODERATE the document. */
    MODERATORS,
    /** Moderators, plus connections of the user named in {@code user} (pending posts). */
    AUTHOR_AND_MODERATORS
  }

  /** The JSON object to send (the audience and user stay on the server). */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "annotation");
    m.put("type", type);
    m.put("document", document);
    if (thread != null) {
      m.put("thread", thread);
    }
    if (post != null) {
      m.put("post", post);
    }
    m.put("at", at.toString());
    return m;
  }
}
