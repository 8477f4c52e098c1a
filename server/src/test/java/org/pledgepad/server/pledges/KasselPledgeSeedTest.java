package org.pledgepad.server.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.server.seed.Block;
import org.pledgepad.server.seed.SeedDocument;
import org.junit.jupiter.api.Test;

class KasselPledgeSeedTest {
  private final List<SeedDocument> docs = KasselPledgeSeed.documents();

  @Test
  void coalitionKeepsTheEditorShapeAndCarriesPledgeIdsOnItsPledgeHeadings() {
    SeedDocument c = docs.get(0);
    assertThat(c.name()).isEqualTo(KasselPledgeSeed.COALITION_NAME);
    assertThat(c.blocks().get(0)).isEqualTo(Block.heading(1, "Digitalisierung"));
    List<Block> pledgeHeadings = c.blocks().stream().filter(b -> b.pledgeId() != null).toList();
    assertThat(pledgeHeadings).extracting(Block::level).containsOnly(3);
    assertThat(pledgeHeadings).extracting(Block::pledgeId)
        .containsExactlyElementsOf(KasselPledgeSeed.coalition().pledges().stream().map(Pledge::id).toList());
    int first = c.blocks().indexOf(pledgeHeadings.get(0));
    assertThat(c.blocks().get(first + 1).kind()).isEqualTo(Block.Kind.PARAGRAPH);
    assertThat(c.blocks()).contains(Block.heading(2, KasselPledgeSeed.GOALS_HEADING));
  }

  @Test
  void everyGoalParagraphAppearsOnceUnderTheGoalsHeading() {
    SeedDocument c = docs.get(0);
    int goals = c.blocks().indexOf(Block.heading(2, KasselPledgeSeed.GOALS_HEADING));
    List<String> after = c.blocks().subList(goals + 1, c.blocks().size()).stream().map(Block::text).toList();
    assertThat(after).doesNotHaveDuplicates().isNotEmpty();
    assertThat(after).containsAll(KasselPledgeSeed.coalition().pledges().get(0).fullText());
  }

  @Test
  void programmeIsChapterThenPledgeHeadingAndExplanationPairs() {
    SeedDocument p = docs.get(1);
    assertThat(p.name()).isEqualTo(KasselPledgeSeed.PROGRAMME_NAME);
    assertThat(p.title()).contains("SPD Kassel");
    List<Block> items = p.blocks().subList(1, p.blocks().size());
    assertThat(items).hasSize(2 * KasselPledgeSeed.programme().pledges().size());
    assertThat(items.get(2).text()).isEqualTo("Open Data Rathaus");
    assertThat(items.get(2).pledgeId()).startsWith("open-data-rathaus-");
  }
}
