package org.pledgepad.server.annotations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pledgepad.annotations.service.AnnotationEvent;
import org.pledgepad.annotations.service.AnnotationEvent.Audience;
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
  void moderatorOnlyEventsAreWithheldFromConnections() {
    assertThat(AnnotationPush.reaches(event(Audience.MODERATORS, null), peer("moderator"))).isFalse();
  }

  private static Peer peer(String actor) {
    return new Peer() {
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
