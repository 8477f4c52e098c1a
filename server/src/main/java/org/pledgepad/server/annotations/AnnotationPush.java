package org.pledgepad.server.annotations;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.pledgepad.annotations.service.AnnotationEvent;
import org.pledgepad.auth.Operation;
import org.pledgepad.server.session.DocumentSession;
import org.pledgepad.server.session.Peer;
import org.pledgepad.server.session.SessionRegistry;

/**
 * Sends annotation events to the open Hocuspocus connections of their document as Stateless
 * messages, after the change was stored. Events carry ids only; clients refetch through REST.
 *
 * <p>Audience: ALL goes to every connection of the document (each was admitted with READ and is
 * closed when it loses it). MODERATORS goes to the connections whose principal may MODERATE the
 * document, asked of each connection when the event is sent ({@link Peer#allows}: the current
 * account and document access, not the rights at subscribe time), so a moderator who lost the
 * role stops receiving them at once. AUTHOR_AND_MODERATORS adds the author's own connections
 * (the peer's actor is the principal's subject). Connections that cannot tell answer no.
 */
public final class AnnotationPush {
  private final SessionRegistry sessions;

  public AnnotationPush(SessionRegistry sessions) {
    this.sessions = sessions;
  }

  /** Call on a Vert.x thread after the change was stored (also used by the privacy erasure). */
  public void push(List<AnnotationEvent> events) {
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
      case AUTHOR_AND_MODERATORS -> e.user() != null && e.user().equals(peer.actor())
          || peer.allows(Operation.MODERATE);
      case MODERATORS -> peer.allows(Operation.MODERATE);
    };
  }
}
