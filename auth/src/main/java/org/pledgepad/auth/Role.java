package org.pledgepad.auth;

/**
 * What a person may do in general, before the document decides. Declared from least to most
 * privileged so that {@link #atLeast(Role)} and "highest of several roles" (OIDC) are ordinal
 * comparisons; do not reorder.
 */
public enum Role {
  /** Anonymous reader of public documents. */
  GUEST,
  /** Registered resident: comments and suggests during consultation. */
  CITIZEN,
  /** Elected member: edits the documents of the bodies they belong to. */
  COUNCILLOR,
  /** Reviews history, hides comments, restores versions. */
  MODERATOR,
  /** Manages users, documents and stages. */
  ADMIN;

  /** True if this role is {@code other} or more privileged. */
  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  /**
   * Parses a role name exactly as declared (upper case). Anything else, including null, blank or
   * a different case, is rejected: role strings come from tokens and command lines, and a lenient
   * parse is how "Admin " ends up meaning ADMIN.
   */
  public static Role parse(String name) {
    if (name == null) {
      throw new IllegalArgumentException("role is missing");
    }
    for (Role r : values()) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown role (expected one of GUEST, CITIZEN, COUNCILLOR, MODERATOR, ADMIN)");
  }
}
