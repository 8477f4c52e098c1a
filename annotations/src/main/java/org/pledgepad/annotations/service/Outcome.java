package org.pledgepad.annotations.service;

import java.util.List;

/**
 * What a successful change returns: the changed record for the REST answer, and the events the
 * server pushes to the document's connections once its storage transaction has committed.
 */
public record Outcome<T>(T value, List<AnnotationEvent> events) {
  public Outcome {
    events = List.copyOf(events);
  }
}
