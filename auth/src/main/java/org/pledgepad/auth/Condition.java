package org.pledgepad.auth;

/** One cell of the permission table: under which relation to the document an operation is allowed. */
public enum Condition {
  /** Allowed for everyone with this role in this stage. */
  ALWAYS("A"),
  /** Allowed for members of the owner body and listed editors. */
  MEMBER("M"),
  /** Allowed for members and invited commenters. */
  PARTICIPANT("P"),
  /** Never allowed. */
  NEVER("-");

  /** The one-letter spelling used in {@link PermissionTable}'s source table. */
  final String symbol;

  Condition(String symbol) {
    this.symbol = symbol;
  }

  static Condition ofSymbol(String s) {
    for (Condition c : values()) {
      if (c.symbol.equals(s)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown condition symbol: " + s);
  }
}
