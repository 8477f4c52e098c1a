package org.pledgepad.server.privacy;

import java.io.PrintStream;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Map;
import org.pledgepad.annotations.service.Annotations;
import org.pledgepad.server.access.AccessDb;
import org.pledgepad.server.access.AccountPrivacy;
import org.pledgepad.server.annotations.AnnotationDb;
import org.pledgepad.server.annotations.SqlAnnotationRepository;
import org.pledgepad.server.config.ConfigException;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.ServerConfig;
import org.pledgepad.server.history.CheckpointKey;
import org.pledgepad.server.history.DocumentHistories;
import org.pledgepad.server.history.HistoryDb;

/**
 * {@code java -jar pledgepad.jar user erase NAME} (login or account id): the operator's way to
 * carry out an erasure request (GDPR Art. 17), against the same store as the server
 * (DATABASE_URL / DATA_DIR / CONFIG_FILE). Safe while the server runs: the embedded files are
 * shared through SQLite's locking, and the server sees the tombstone at its next access refresh
 * (its sessions for the account end then). Exit 0 done (also when already erased), 1 no such
 * account or failure, 2 usage or configuration.
 */
public final class PrivacyLauncher {
  private PrivacyLauncher() {}

  public static boolean isCommand(String[] args) {
    return args.length >= 2 && args[0].equals("user") && args[1].equals("erase");
  }

  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length != 3 || args[2].isBlank() || args[2].startsWith("-")) {
      err.println("usage: pledgepad user erase LOGIN|ACCOUNT_ID");
      return 2;
    }
    ServerConfig config;
    try {
      config = ConfigLoader.load(env);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return 2;
    }
    HistoryDb history = HistoryDb.of(config);
    if (history.embedded() && !Files.exists(config.dataDir().resolve("pledgepad.sqlite"))) {
      err.println("no embedded store at " + config.dataDir().resolve("pledgepad.sqlite").toAbsolutePath());
      return 2;
    }
    try (AccessDb db = AccessDb.forConfig(config); AnnotationDb annotations = AnnotationDb.forConfig(config)) {
      PersonErasure erasure = new PersonErasure(new AccountPrivacy(db, new SecureRandom()),
          Annotations.withDefaults(new SqlAnnotationRepository(annotations)).privacy,
          // The server's key: every erasure is recorded in the signed erasure log.
          new DocumentHistories(history, CheckpointKey.loadOrCreate(config.dataDir())),
          org.pledgepad.server.pledges.PledgePrivacy.forConfig(config));
      var result = erasure.erase(args[2]);
      if (result.isEmpty()) {
        err.println("no account " + args[2] + " (an erased account is found by its id only)");
        return 1;
      }
      PersonErasure.Result r = result.get();
      int redacted = r.documents().stream().mapToInt(DocumentHistories.ErasureResult::redacted).sum();
      int kept = r.documents().stream().mapToInt(DocumentHistories.ErasureResult::kept).sum();
      out.println((r.wasErased() ? "already erased, repeated: " : "erased: ") + "account " + r.subject()
          + "; history rows redacted " + redacted + ", kept " + kept + " in " + r.documents().size()
          + " document(s)" + (r.contentErased() ? "" : " (official: identity only)")
          + "; suggestion notes rewritten " + r.notesRewritten() + "; annotation records " + r.annotationRecords()
          + "; pledge records " + r.pledgeRecords() + "; pledge documents re-indexed " + r.pledgeDocumentsReindexed());
      out.println("check: java -jar pledgepad.jar verify --database");
      return 0;
    } catch (java.io.IOException | RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
