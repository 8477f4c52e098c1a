package org.pledgepad.server.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Y;
import org.pledgepad.server.store.DocumentKind;

class KasselSeedParserTest {
  private final List<SeedDocument> docs = KasselSeedParser.parse(DemoSeeder.readSeed());

  private SeedDocument doc(String name) {
    return docs.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void coalitionAgreementHasOverviewPledgesAsHeadingAndParagraph() {
    SeedDocument c = doc(KasselSeedParser.COALITION_NAME);
    assertThat(c.kind()).isEqualTo(DocumentKind.COALITION_AGREEMENT);
    assertThat(c.blocks().get(0)).isEqualTo(Block.heading(1, "Digitalisierung"));
    long pledges = c.blocks().stream().filter(b -> b.kind() == Block.Kind.HEADING && b.level() == 3).count();
    assertThat(pledges).isEqualTo(11);
    int i = c.blocks().indexOf(Block.heading(3, "Gemeinsame Einsehen und Arbeiten"));
    assertThat(c.blocks().get(i + 1).text()).startsWith("wir ermöglichen das gemeinsame Einsehen");
    assertThat(c.blocks().get(c.blocks().size() - 1).text()).startsWith("Wir fördern IT-Start-ups");
  }

  @Test
  void programmeHasEachItemAsHeadingAndExplanation() {
    SeedDocument p = doc(KasselSeedParser.PROGRAMME_NAME);
    assertThat(p.kind()).isEqualTo(DocumentKind.PROGRAMME);
    List<Block> items = p.blocks().subList(1, p.blocks().size());
    assertThat(items).hasSize(20);
    assertThat(items.get(2)).isEqualTo(Block.heading(2, "Open Data Rathaus"));
    assertThat(items.get(19).text()).isEqualTo("Freies Internet für alle Fahrgäste");
  }

  @Test
  void encodedSeedIsProseMirrorXmlInTheDefaultFragment() {
    byte[] update = ProseMirrorSeedEncoder.encode(List.of(Block.heading(2, "Titel"), Block.paragraph("Text")));
    Doc d = new Doc();
    Y.applyUpdate(d, update);
    assertThat(d.getXmlFragment("default").toString())
        .isEqualTo("<heading level=\"2\">Titel</heading><paragraph>Text</paragraph>");
  }
}
