package org.pledgepad.server.pledges;

import java.util.ArrayList;
import java.util.List;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.server.seed.Block;

/**
 * Lays a pledge document out as editor blocks: a title heading, the preamble, then per pledge a
 * heading carrying the pledge id, its body and its further paragraphs. {@link PledgeOutline}
 * reads exactly this shape back.
 */
public final class PledgeBlocks {
  private PledgeBlocks() {}

  public static List<Block> of(PledgeDocument d, String heading, int titleLevel, int pledgeLevel) {
    List<Block> out = new ArrayList<>();
    out.add(Block.heading(titleLevel, heading));
    d.preamble().forEach(p -> out.add(Block.paragraph(p)));
    for (Pledge p : d.pledges()) {
      out.add(Block.pledgeHeading(pledgeLevel, p.title(), p.id()));
      if (!p.body().isEmpty()) {
        out.add(Block.paragraph(p.body()));
      }
      p.fullText().forEach(t -> out.add(Block.paragraph(t)));
    }
    return out;
  }
}
