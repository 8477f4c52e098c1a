package org.pledgepad.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  @Test
  void productionParametersProduceAnArgon2idHashThatVerifies() {
    PasswordHasher hasher = new PasswordHasher();
    String hash = hasher.hash("correct horse battery");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hasher.matches("correct horse battery", hash)).isTrue();
    assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
    assertThat(hasher.needsRehash(hash)).isFalse();
  }

  @Test
  void saltMakesEqualPasswordsHashDifferently() {
    PasswordHasher hasher = PasswordHasher.forTests();
    assertThat(hasher.hash("same password!")).isNotEqualTo(hasher.hash("same password!"));
  }

  @Test
  void weakerStoredParametersAskForRehash() {
    String weak = PasswordHasher.forTests().hash("correct horse battery");
    assertThat(new PasswordHasher().needsRehash(weak)).isTrue();
  }

  @Test
  void policyRejectsShortAndHugePasswords() {
    PasswordHasher hasher = PasswordHasher.forTests();
    assertThatThrownBy(() -> hasher.hash("short")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hasher.hash("x".repeat(1025))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void malformedHashesNeverMatch() {
    PasswordHasher hasher = PasswordHasher.forTests();
    assertThat(hasher.matches("anything goes", "$argon2id$garbage")).isFalse();
    assertThat(hasher.matches("anything goes", "")).isFalse();
    assertThat(hasher.matches("anything goes", null)).isFalse();
    assertThat(hasher.matches(null, hasher.hash("anything goes"))).isFalse();
  }
}
