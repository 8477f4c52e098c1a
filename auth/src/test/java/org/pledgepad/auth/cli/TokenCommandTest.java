package org.pledgepad.auth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgepad.auth.Principal;
import org.pledgepad.auth.Role;
import org.pledgepad.auth.token.AccessTokenSettings;
import org.pledgepad.auth.token.AccessTokenVerifier;
import org.pledgepad.auth.token.KeyResolver;
import org.pledgepad.auth.token.SigningKeyFile;
import org.pledgepad.auth.token.VerificationKeyFile;

class TokenCommandTest {
  @TempDir
  Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T03:00:00Z"), ZoneOffset.UTC);

  private int run(String... args) {
    return TokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), clock, new SecureRandom(), Map.of());
  }

  @Test
  void printsOnlyATokenThatTheServerAccepts() throws Exception {
    Path key = dir.resolve("keys/signing.json");
    int code = run("--user", "bot-1", "--role", "COUNCILLOR", "--doc", "motion-42", "--ttl", "2h",
        "--body", "spd-fraktion", "--key", key.toString());
    assertThat(code).as(err.toString()).isZero();
    String token = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    assertThat(err.toString()).doesNotContain(token);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

    var verifier = new AccessTokenVerifier(
        KeyResolver.of(List.of(SigningKeyFile.load(key).verificationKey())), AccessTokenSettings.defaults(), clock);
    Principal p = verifier.verify(token);
    assertThat(p.subject()).isEqualTo("bot-1");
    assertThat(p.role()).isEqualTo(Role.COUNCILLOR);
    assertThat(p.document()).isEqualTo("motion-42");
  }

  /** The key's directory, when the command makes it, is as private as the key (whatever the umask). */
  @Test
  void aKeyDirectoryTheCommandCreatesIsOwnerOnly() throws Exception {
    Path key = dir.resolve("new/keys/signing.json");
    assertThat(run("--user", "a1", "--role", "CITIZEN", "--key", key.toString())).as(err.toString()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new")))).isEqualTo("rwx------");
  }

  @Test
  void reusesAnExistingKey() throws Exception {
    Path key = dir.resolve("k.json");
    assertThat(run("--user", "a1", "--role", "CITIZEN", "--key", key.toString())).isZero();
    String first = Files.readString(key);
    assertThat(run("--user", "a2", "--role", "CITIZEN", "--key", key.toString())).isZero();
    assertThat(Files.readString(key)).isEqualTo(first);
  }

  @Test
  void refusesAKeyFileReadableByOthers() throws Exception {
    Path key = dir.resolve("k.json");
    run("--user", "a1", "--role", "CITIZEN", "--key", key.toString());
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    out.reset();
    assertThat(run("--user", "a1", "--role", "CITIZEN", "--key", key.toString())).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("chmod 600");
  }

  @Test
  void usageErrorsNameTheProblemAndPrintNoToken() {
    assertThat(run("--user", "a1", "--role", "admin", "--key", dir.resolve("k").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--role");
    assertThat(run("--user", "a1", "--rol", "ADMIN")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown option --rol");
    assertThat(run("--user", "a1", "--role", "ADMIN", "--ttl", "1y")).isEqualTo(2);
    assertThat(run("--user", "a1", "--role", "ADMIN", "--ttl", "90d")).isEqualTo(2);
    assertThat(run("--role", "ADMIN")).isEqualTo(2);
    assertThat(run("--user", "a b", "--role", "ADMIN", "--key", dir.resolve("k").toString())).isEqualTo(2);
    assertThat(run("--user", "a1", "--role", "ADMIN", "--doc", "../etc")).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void withAUserStoreTheTokenActsAsTheAccountAndCannotExceedItsRole() throws Exception {
    var store = new org.pledgepad.auth.password.InMemoryUserStore();
    store.add(new org.pledgepad.auth.User("u-123", "anna", "Anna Schmidt", false, Role.COUNCILLOR,
        java.util.Set.of(new org.pledgepad.auth.Body("spd-fraktion")), false), null, false);
    Path key = dir.resolve("k.json");
    java.util.function.Function<String[], Integer> run = args -> TokenCommand.run(args,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        clock, new SecureRandom(), Map.of(), store);
    assertThat(run.apply(new String[] {"--user", "anna", "--role", "ADMIN", "--key", key.toString()})).isEqualTo(2);
    assertThat(run.apply(new String[] {"--user", "nobody", "--role", "CITIZEN", "--key", key.toString()})).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(run.apply(new String[] {"--user", "anna", "--role", "COUNCILLOR", "--key", key.toString()})).isZero();
    var verifier = new AccessTokenVerifier(
        KeyResolver.of(List.of(SigningKeyFile.load(key).verificationKey())), AccessTokenSettings.defaults(), clock);
    Principal p = verifier.verify(out.toString(StandardCharsets.UTF_8).strip());
    assertThat(p.subject()).isEqualTo("u-123");
    assertThat(p.displayName()).isEqualTo("Anna Schmidt");
    assertThat(p.bodies()).containsExactly(new org.pledgepad.auth.Body("spd-fraktion"));
    store.setDisabled("u-123", true);
    assertThat(run.apply(new String[] {"--user", "anna", "--role", "CITIZEN", "--key", key.toString()})).isEqualTo(1);
  }

  @Test
  void publicKeyPrintsTheVerificationHalfOnlyAndCreatesNoKey() throws Exception {
    Path key = dir.resolve("k.json");
    assertThat(run("public-key", "--key", key.toString())).isEqualTo(1);
    assertThat(Files.exists(key)).isFalse();
    assertThat(run("--user", "a1", "--role", "CITIZEN", "--key", key.toString())).isZero();
    String token = out.toString(StandardCharsets.UTF_8).strip();
    out.reset();

    assertThat(run("public-key", "--key", key.toString())).as(err.toString()).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("pledgepad-public-key-v1").doesNotContain("private");
    Path pub = dir.resolve("k.pub.json");
    Files.writeString(pub, printed);
    var verifier = new AccessTokenVerifier(KeyResolver.of(List.of(VerificationKeyFile.load(pub))),
        AccessTokenSettings.defaults(), clock);
    assertThat(verifier.verify(token).subject()).isEqualTo("a1");
  }
}
