package org.pledgepad.annotations.model;

/**
 * Who wrote something, as others see it. The name is the display name or pseudonym the person
 * chose at the time; {@code id} links to the account and is null once the person's data was
 * erased (the thread keeps its shape, the link to the person is gone).
 *
 * @param id        account subject, or null after erasure
 * @param name      display name or pseudonym, already cleaned (at most 80 code points)
 * @param pseudonym the name is a pseudonym
 */
public record Author(String id, String name, boolean pseudonym) {
  /** Shown for authors whose data was erased. */
  public static final Author ERASED = new Author(null, "entfernt", true);

  public boolean is(String subject) {
    return id != null && id.equals(subject);
  }
}
