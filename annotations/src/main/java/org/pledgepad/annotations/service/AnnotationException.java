package org.pledgepad.annotations.service;

/**
 * A refused annotation request. {@code detail} is a fixed phrase or a decision code chosen by
 * this module, never user input, so it can go into problem+json responses and logs as is.
 */
public final class AnnotationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Problem problem;

  public AnnotationException(Problem problem, String detail) {
    super(problem.code() + ": " + detail);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public String detail() {
    String m = getMessage();
    return m.substring(m.indexOf(": ") + 2);
  }
}
