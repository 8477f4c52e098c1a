package org.pledgepad.server.seed;

import java.util.List;
import org.pledgepad.server.store.DocumentKind;
import org.pledgepad.server.store.DocumentStage;

/** A demo document: metadata and the blocks of its "default" fragment. */
public record SeedDocument(String name, String title, DocumentKind kind, DocumentStage stage, List<Block> blocks) {}
