package org.pledgepad.annotations.repo;

/**
 * The room check of a new thread or post (caps and per-person quotas), handed to the store so it
 * runs inside the write that stores the item: it counts with the repository's count methods and
 * throws to refuse, and then nothing is stored. Counted apart from the insert, two server nodes
 * could both see room for one more item and both store it.
 */
@FunctionalInterface
public interface Admission {
  /** Admits everything: an insert without a room check. */
  Admission ALWAYS = () -> { };

  void check();
}
