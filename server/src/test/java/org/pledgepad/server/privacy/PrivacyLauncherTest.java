package org.pledgepad.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.User;
import org.pledgepad.auth.password.PasswordHasher;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.access.AccessDb;
import org.pledgepad.server.access.AccountPrivacy;
import org.pledgepad.server.access.SqlUserStore;
import org.pledgepad.server.config.ConfigLoader;
import org.pledgepad.server.history.VerifyLauncher;
import org.pledgepad.server.store.NewUpdate;
import org.pledgepad.server.store.SqliteDocumentStore;

/** {@code user erase NAME} against an embedded store, as an operator runs it. */
class PrivacyLauncherTest {
  @TempDir
  Path dataDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return PrivacyLauncher.run(args, Map.of("DATA_DIR", dataDir.toString()),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void erasesByLoginThenOnlyByIdAndTheStoreStillVerifies() throws Exception {
    Vertx vertx = Vertx.vertx();
    SqliteDocumentStore store = new SqliteDocumentStore(vertx, dataDir);
    store.start().toCompletionStage().toCompletableFuture().get();
    Doc d = new Doc();
    byte[] sv = Y.encodeStateVector(d);
    d.getText("default").insert(0, "Privat: Hauptstr. 5");
    byte[] typed = Y.encodeStateAsUpdate(d, sv);
    sv = Y.encodeStateVector(d);
    d.getText("default").delete(0, d.getText("default").length());
    d.getText("default").insert(0, "Bleibt.");
    store.append("cli-doc", List.of(new NewUpdate(typed, "u-cli1", "c-1"),
        new NewUpdate(Y.encodeStateAsUpdate(d, sv), "u-other", "c-2"))).toCompletionStage().toCompletableFuture().get();
    store.close().toCompletionStage().toCompletableFuture().get();
    vertx.close().toCompletionStage().toCompletableFuture().get();
    try (AccessDb db = AccessDb.forConfig(ConfigLoader.load(Map.of("DATA_DIR", dataDir.toString())))) {
      new SqlUserStore(db).add(new User("u-cli1", "clara", "Clara Cli", false, Role.CITIZEN, Set.of(), false),
          PasswordHasher.forTests().hash("korrekt-pferd-batterie-9"), false);
    }

    assertThat(run("user", "erase")).isEqualTo(2);
    assertThat(run("user", "erase", "nobody")).isEqualTo(1);
    assertThat(run("user", "erase", "clara")).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("erased: account u-cli1; history rows redacted 1, kept 0");
    assertThat(run("user", "erase", "clara")).isEqualTo(1); // the login is gone with the account
    assertThat(run("user", "erase", "u-cli1")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("already erased, repeated: account u-cli1; history rows redacted 0");

    try (AccessDb db = AccessDb.forConfig(ConfigLoader.load(Map.of("DATA_DIR", dataDir.toString())))) {
      var account = new SqlUserStore(db).findById("u-cli1").orElseThrow();
      assertThat(account.user().displayName()).isEqualTo(AccountPrivacy.ERASED_NAME);
      assertThat(account.user().disabled()).isTrue();
      assertThat(account.passwordHash()).isNull();
      assertThat(new SqlUserStore(db).findByLogin("clara")).isEmpty();
    }
    assertThat(VerifyLauncher.run(new String[] {"verify", "--database"}, Map.of("DATA_DIR", dataDir.toString()),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
  }
}
