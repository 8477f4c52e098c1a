package org.pledgepad.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizerTest {
  private static final Body OWNER = new Body("spd-fraktion");

  private static DocumentAccess doc(Stage stage) {
    return new DocumentAccess("programme-2021", OWNER, Set.of(), Set.of(), stage);
  }

  private static Principal councillor() {
    return new Principal("u1", "anna", "Anna", false, Role.COUNCILLOR, Set.of(OWNER), null);
  }

  @Test
  void tokenRestrictedToAnotherDocumentIsDeniedEvenForAdmin() {
    Principal admin = new Principal("u9", "root", "Root", false, Role.ADMIN, Set.of(), "other-doc");
    Decision d = Authorizer.authorize(admin, doc(Stage.DRAFT), Operation.READ);
    assertThat(d.allowed()).isFalse();
    assertThat(d.reason()).isEqualTo(Decision.Reason.OTHER_DOCUMENT);
    assertThat(d.code()).isEqualTo("other-document");
  }

  @Test
  void aDeletedDocumentIsOpenedByNobodyAdminsIncluded() {
    Principal admin = new Principal("u9", "root", "Root", false, Role.ADMIN, Set.of(), null);
    DocumentAccess deleted = new DocumentAccess("programme-2021", OWNER, Set.of("u1"), Set.of(), Stage.DRAFT, true);
    for (Principal p : new Principal[] {admin, councillor(), councillor().restrictedTo("programme-2021")}) {
      for (Operation op : Operation.values()) {
        Decision d = Authorizer.authorize(p, deleted, op);
        assertThat(d.reason()).as("%s %s", p.login(), op).isEqualTo(Decision.Reason.DOCUMENT_DELETED);
      }
    }
    assertThat(Authorizer.authorize(admin, deleted, Operation.READ).code()).isEqualTo("document-deleted");
    assertThat(Authorizer.mode(admin, deleted)).isEqualTo(AccessMode.NONE);
    assertThat(deleted.withStage(Stage.CONSULTATION).deleted()).as("kept by withStage").isTrue();
    assertThat(Authorizer.isAllowed(admin, doc(Stage.DRAFT), Operation.SYNC_WRITE)).as("not deleted").isTrue();
  }

  @Test
  void tokenRestrictedToThisDocumentKeepsTheRoleRights() {
    Principal p = councillor().restrictedTo("programme-2021");
    assertThat(Authorizer.isAllowed(p, doc(Stage.DRAFT), Operation.SYNC_WRITE)).isTrue();
  }

  @Test
  void councillorOfAnotherBodyCannotWriteADraft() {
    Principal p = new Principal("u2", "ben", "Ben", false, Role.COUNCILLOR, Set.of(new Body("gruene")), null);
    Decision d = Authorizer.authorize(p, doc(Stage.DRAFT), Operation.SYNC_WRITE);
    assertThat(d.reason()).isEqualTo(Decision.Reason.NOT_A_MEMBER);
    assertThat(Authorizer.authorize(p, doc(Stage.DRAFT), Operation.READ).reason())
        .isEqualTo(Decision.Reason.NOT_A_PARTICIPANT);
  }

  @Test
  void anonymousIsNeverAMemberEvenIfItsSubjectIsListed() {
    DocumentAccess d = new DocumentAccess("x", OWNER, Set.of(Principal.ANONYMOUS_SUBJECT),
        Set.of(Principal.ANONYMOUS_SUBJECT), Stage.DRAFT);
    assertThat(d.isMember(Principal.anonymous())).isFalse();
    assertThat(d.isParticipant(Principal.anonymous())).isFalse();
    assertThat(Authorizer.isAllowed(Principal.anonymous(), d, Operation.READ)).isFalse();
  }

  @Test
  void publishedDocumentIsReadOnlyForTheOwnerBody() {
    assertThat(Authorizer.isAllowed(councillor(), doc(Stage.PUBLISHED), Operation.SYNC_WRITE)).isFalse();
    assertThat(Authorizer.isAllowed(councillor(), doc(Stage.PUBLISHED), Operation.READ)).isTrue();
  }

  @Test
  void nullArgumentsAreRejected() {
    assertThatThrownBy(() -> Authorizer.authorize(null, doc(Stage.DRAFT), Operation.READ))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void incompleteTableIsRejectedAtParse() {
    assertThatThrownBy(() -> PermissionTable.parse("GUEST DRAFT READ=A"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no cell for GUEST DRAFT SYNC_WRITE");
  }

  @Test
  void roleParsingIsExact() {
    assertThat(Role.parse("ADMIN")).isEqualTo(Role.ADMIN);
    assertThatThrownBy(() -> Role.parse("admin")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Role.parse(" ADMIN")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Role.parse("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Role.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void displayNamesRejectBidiOverrides() {
    assertThatThrownBy(() -> Ids.requireDisplayName("Anna\u202Egnp.exe"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Ids.requireDisplayName("Änne Müller-Öztürk")).isEqualTo("Änne Müller-Öztürk");
  }

  @Test
  void accessModeSummarisesReadAndWrite() {
    assertThat(Authorizer.mode(councillor(), doc(Stage.DRAFT))).isEqualTo(AccessMode.READ_WRITE);
    assertThat(Authorizer.mode(councillor(), doc(Stage.PUBLISHED))).isEqualTo(AccessMode.READ_ONLY);
    assertThat(Authorizer.mode(Principal.anonymous(), doc(Stage.DRAFT))).isEqualTo(AccessMode.NONE);
    assertThat(AccessMode.READ_ONLY.hocuspocusScope()).isEqualTo("readonly");
    assertThat(AccessMode.READ_WRITE.hocuspocusScope()).isEqualTo("read-write");
  }
}
