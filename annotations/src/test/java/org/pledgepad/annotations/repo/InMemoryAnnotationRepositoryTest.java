package org.pledgepad.annotations.repo;

class InMemoryAnnotationRepositoryTest extends AnnotationRepositoryContract {
  @Override
  protected AnnotationRepository create() {
    return new InMemoryAnnotationRepository();
  }
}
