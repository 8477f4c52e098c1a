package org.pledgepad.server.annotations;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.pledgepad.annotations.service.AnnotationEvent;
import org.pledgepad.server.session.DocumentSession;
import org.pledgepad.server.session.Peer;
import org.pledgepad.server.session.SessionRegistry;

/**
 * Sends annotation events to the open Hocuspocus connections of their document as Stateless
 * messages, after the change was stored. Events carry ids only; clients refetch through REST.
 *
 * <p>Audience: ALL goes to every connection of the document (each was admitted with READ and is
 * closed when it loses it). AUTHOR_AND_MODERATORS goes to the author's own connections (the
 * peer's actor is the principal's subject). Connections do not expose their principal's role
 * yet, so moderator-only events are not pushed: moderators' pages refetch the queue instead —
 * withholding is the safe side.
 */
final class AnnotationPush {
  private final SessionRegistry sessions;

  AnnotationPush(SessionRegistry sessions) {
    this.sessions = sessions;
  }

  void push(List<AnnotationEvent> events) {
    for (AnnotationEvent e : events) {
      DocumentSession s = sessions.find(e.document());
      if (s != null) {
        s.broadcastStateless(new JsonObject(e.toJson()).encode(), peer -> reaches(e, peer));
      }
    }
  }

  static boolean reaches(AnnotationEvent e, Peer peer) {
    return switch (e.audience()) {
      case ALL -> true;
      case AUTHOR_AND_MODERATORS -> e.user() != null && e.user().equals(peer.actor());
      case MODERATORS -> false;
    };
  }
}
