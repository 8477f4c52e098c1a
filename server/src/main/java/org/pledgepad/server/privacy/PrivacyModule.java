package org.pledgepad.server.privacy;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.pledgepad.annotations.service.Annotations;
import org.pledgepad.server.access.AccessControl;
import org.pledgepad.server.annotations.AnnotationDb;
import org.pledgepad.server.annotations.AnnotationPush;
import org.pledgepad.server.annotations.SqlAnnotationRepository;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.history.DocumentHistories;
import org.pledgepad.server.pledges.PledgePrivacy;
import org.pledgepad.server.session.SessionRegistry;

/** Wires export and erasure into the server (only with accounts: nothing to export without). */
public final class PrivacyModule {
  private PrivacyModule() {}

  /** Mount before ApiRoutes (its /api/* catch-all) and before AccessControl's GET /api/me. */
  public static void mount(Router router, Vertx vertx, ServerConfig config, AccessControl access,
      DocumentHistories histories, SessionRegistry sessions) {
    AnnotationDb annotationDb = AnnotationDb.forConfig(config);
    Annotations ann = Annotations.withDefaults(new SqlAnnotationRepository(annotationDb));
    PledgePrivacy pledges = PledgePrivacy.forConfig(config);
    PersonalData data = new PersonalData(access.accountPrivacy(), ann.privacy, histories, pledges,
        new org.pledgepad.server.annotations.ModerationRecords(annotationDb));
    PersonErasure erasure = new PersonErasure(access.accountPrivacy(), ann.privacy, histories, pledges);
    new PrivacyRoutes(vertx, access, data, erasure, new AnnotationPush(sessions)).mount(router);
  }
}
