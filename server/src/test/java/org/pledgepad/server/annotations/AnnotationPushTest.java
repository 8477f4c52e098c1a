package org.pledgepad.server.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.service.AnnotationEvent;
import org.pledgepad.annotations.service.AnnotationEvent.Audience;
import org.pledgepad.auth.Operation;
import org.pledgepad.server.session.Peer;

class AnnotationPushTest {
  private static AnnotationEvent event(Audience audience, String user) {
    return new AnnotationEvent("post.created", "doc", "t1", "p1", audience, user, Instant.EPOCH);
  }

  @Test
  void eventsForEveryoneReachEveryConnection() {
    assertThat(AnnotationPush.reaches(event(Audience.ALL, null), peer("anna"))).isTrue();
  }

  @Test
  void pendingPostEventsReachOnlyTheirAuthorsConnections() {
    AnnotationEvent e = event(Audience.AUTHOR_AND_MODERATORS, "anna");
    assertThat(AnnotationPush.reaches(e, peer("anna"))).isTrue();
    assertThat(AnnotationPush.reaches(e, peer("ben"))).isFalse();
    assertThat(AnnotationPush.reaches(event(Audience.AUTHOR_AND_MODERATORS, null), peer("anonymous"))).isFalse();
  }

  @Test
  void moderatorOnlyEventsReachOnlyConnectionsAllowedToModerateWhenSent() {
    AtomicBoolean moderates = new AtomicBoolean(true);
    Peer moderator = peer("mod", op -> op == Operation.MODERATE && moderates.get());
    AnnotationEvent report = event(Audience.MODERATORS, null);
    assertThat(AnnotationPush.reaches(report, moderator)).isTrue();
    assertThat(AnnotationPush.reaches(report, peer("citizen"))).isFalse();
    // The rights are asked for each event: a moderator who lost the role gets the next one no more.
    moderates.set(false);
    assertThat(AnnotationPush.reaches(report, moderator)).isFalse();
  }

  @Test
  void pendingPostEventsAlsoReachModerators() {
    AnnotationEvent e = event(Audience.AUTHOR_AND_MODERATORS, "anna");
    assertThat(AnnotationPush.reaches(e, peer("mod", op -> op == Operation.MODERATE))).isTrue();
  }

  private static Peer peer(String actor) {
    return peer(actor, op -> false);
  }

  private static Peer peer(String actor, Predicate<Operation> allowed) {
    return new Peer() {
      @Override
      public boolean allows(Operation op) {
        return allowed.test(op);
      }

      @Override
      public String connectionId() {
        return "c-" + actor;
      }

      @Override
      public String actor() {
        return actor;
      }

      @Override
      public boolean readOnly() {
        return true;
      }

      @Override
      public void sendSyncStep1(byte[] stateVector) {}

      @Override
      public void sendSyncStep2(byte[] update) {}

      @Override
      public void sendUpdate(byte[] update) {}

      @Override
      public void sendAwareness(byte[] awarenessUpdate) {}

      @Override
      public void sendSyncStatus(boolean applied) {}

      @Override
      public void close(short code, String reason) {}
    };
  }
}
