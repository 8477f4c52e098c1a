package org.pledgepad.server.access;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.List;
import org.pledgepad.auth.password.DemoAccounts;
import org.pledgepad.server.store.DocumentInfo;
import org.pledgepad.server.store.DocumentKind;
import org.pledgepad.server.store.DocumentStage;
import org.pledgepad.server.store.DocumentStore;

/**
 * First start with no accounts: one demo account per role, the demo documents owned by the demo
 * council body and open for consultation, and an empty draft motion of that body. The one-time
 * passwords go to the console (stdout) once and never to the log.
 */
final class DemoAccess {
  static final String DEMO_MOTION = "demo-antrag-offene-daten";
  static final String DEMO_BODY_NAME = "Fraktionen Grüne und SPD (Demo)";
  static final String DEMO_MOTION_TITLE = "Antrag: Offene Daten im Ratsinformationssystem (Entwurf)";

  private DemoAccess() {}

  static Future<Void> setUp(Vertx vertx, DocumentStore store, SqlUserStore users, DocumentAccessStore documents,
      AccessSettings settings) {
    return store.listDocuments().compose(docs -> {
      Future<Void> chain = Future.succeededFuture();
      for (DocumentInfo d : docs) {
        if (d.stage() != DocumentStage.CONSULTATION) {
          // The seeded Kassel texts are public consultation material: citizens comment on them,
          // councillors of the owner body edit them.
          chain = chain.compose(v -> store.putDocument(d.name(), d.title(), d.kind(), DocumentStage.CONSULTATION));
        }
      }
      return chain.compose(v -> store.putDocument(DEMO_MOTION, DEMO_MOTION_TITLE, DocumentKind.MOTION, DocumentStage.DRAFT))
          .compose(v -> store.listDocuments());
    }).compose(docs -> vertx.executeBlocking(() -> {
      documents.describeBody(DemoAccounts.DEMO_BODY, DEMO_BODY_NAME);
      for (DocumentInfo d : docs) {
        documents.setOwner(d.name(), DemoAccounts.DEMO_BODY);
      }
      List<DemoAccounts.Created> created = DemoAccounts.create(users, settings.hasher(), settings.random());
      print(settings.console(), created);
      return null;
    }, false));
  }

  private static void print(PrintStream out, List<DemoAccounts.Created> created) {
    if (created.isEmpty()) {
      return;
    }
    StringBuilder b = new StringBuilder("\nDemo accounts (one-time passwords, shown only now; change them at first sign-in):\n");
    for (DemoAccounts.Created c : created) {
      b.append(String.format("  %-12s %-16s %s%n", c.user().role(), c.user().login(), c.oneTimePassword()));
    }
    b.append("Documents owned by body ").append(DemoAccounts.DEMO_BODY).append(" (demo-councillor edits them).\n");
    out.print(b);
    out.flush();
  }
}
