package org.pledgepad.server.history;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.pledgepad.history.VerificationReport;
import org.pledgepad.history.VerifyCommand;
import org.pledgepad.server.config.ConfigException;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.config.ServerConfig;

/**
 * {@code java -jar pledgepad.jar verify EXPORT_FILE [--key ID=KEY] [--head SEQ:HASH]} checks an
 * export file offline (the history module's command); {@code verify --database [DOCUMENT]}
 * checks every document (or one) of the configured store: chain, the head recorded in the
 * documents table, checkpoints, the heads this DATA_DIR signed last ({@link SignedHeads}),
 * snapshots and replay. Exit 0 when all verify, 1 naming the first
 * bad seq of each broken document, 2 for usage or configuration errors.
 */
public final class VerifyLauncher {
  private VerifyLauncher() {}

  public static boolean isCommand(String[] args) {
    return args.length > 0 && args[0].equals("verify");
  }

  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (!Arrays.asList(args).contains("--database")) {
      return VerifyCommand.run(args, out, err);
    }
    List<String> rest = new java.util.ArrayList<>(Arrays.stream(args).skip(1).filter(a -> !a.equals("--database")).toList());
    HistoryDb.Head published = null;
    int h = rest.indexOf("--head");
    if (h >= 0) {
      try {
        String[] sh = rest.get(h + 1).split(":", 2);
        published = new HistoryDb.Head(Long.parseLong(sh[0]), org.pledgepad.history.Hashes.unhex(sh[1]));
      } catch (RuntimeException e) {
        err.println("bad --head, expected SEQ:HEXHASH");
        return VerifyCommand.USAGE;
      }
      rest.remove(h + 1);
      rest.remove(h);
    }
    if (rest.size() > 1 || rest.stream().anyMatch(a -> a.startsWith("--")) || (published != null && rest.isEmpty())) {
      err.println("usage: verify --database [DOCUMENT [--head SEQ:HEXHASH]]   (store from DATABASE_URL / DATA_DIR / CONFIG_FILE)");
      return VerifyCommand.USAGE;
    }
    ServerConfig config;
    try {
      config = ConfigLoader.load(env);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return VerifyCommand.USAGE;
    }
    HistoryDb db = HistoryDb.of(config);
    if (db.embedded() && !Files.exists(config.dataDir().resolve("pledgepad.sqlite"))) {
      err.println("no embedded store at " + config.dataDir().resolve("pledgepad.sqlite").toAbsolutePath());
      return VerifyCommand.USAGE;
    }
    DocumentHistories histories;
    try {
      // The heads this data directory signed last, if any: a log rewritten from genesis with its
      // checkpoints deleted verifies on its own, but no longer reaches them.
      histories = new DocumentHistories(db, CheckpointKey.loadIfPresent(config.dataDir()),
          SignedHeads.loadIfPresent(config.dataDir()));
    } catch (java.io.IOException | RuntimeException e) {
      err.println("cannot read the checkpoint key or signed heads: " + e.getMessage());
      return VerifyCommand.USAGE;
    }
    int status = VerifyCommand.OK;
    try {
      List<String> docs = rest.isEmpty() ? db.documents() : rest;
      if (!rest.isEmpty() && !db.documents().contains(rest.get(0))) {
        err.println("no document " + rest.get(0));
        return VerifyCommand.USAGE;
      }
      for (String doc : docs) {
        VerificationReport r = histories.verify(doc, published);
        if (VerifyCommand.print(doc, r, out) != VerifyCommand.OK) {
          status = VerifyCommand.PROBLEM;
        }
      }
      out.println(docs.size() + " document(s): " + (status == VerifyCommand.OK ? "all verified" : "FAILED"));
    } catch (java.sql.SQLException | RuntimeException e) {
      err.println("cannot read the store: " + e.getMessage());
      return VerifyCommand.USAGE;
    }
    return status;
  }
}
