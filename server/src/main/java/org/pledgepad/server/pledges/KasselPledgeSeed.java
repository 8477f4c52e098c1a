package org.pledgepad.server.pledges;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pledgepad.pledges.imports.ComparisonSeedParser;
import org.pledgepad.pledges.imports.DocumentMeta;
import org.pledgepad.pledges.imports.ImportException;
import org.pledgepad.pledges.imports.SeedImport;
import org.pledgepad.pledges.model.DocumentKind;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.server.seed.Block;
import org.pledgepad.server.seed.SeedDocument;
import org.pledgepad.server.store.DocumentStage;

/**
 * The demo documents, parsed once by the pledges module (metadata: issuer, kind, period, licence,
 * and the stable pledge ids) and laid out as the blocks the web client has always received: the
 * coalition as h1 chapter, introduction, h2 overview with h3 pledge + summary, h2 goals with the
 * full goal paragraphs in source order; the programme as h1 chapter with h2 pledge + explanation.
 * The document names stay those the server always used, so links into the web client keep working.
 */
public final class KasselPledgeSeed {
  public static final String COALITION_NAME = "koalitionsvertrag-2021-digitalisierung";
  public static final String PROGRAMME_NAME = "spd-kassel-2021-digitalisierung";
  static final String OVERVIEW_HEADING = "Koalitionsvertrag im Überblick";
  static final String GOALS_HEADING = "Die Koalition verfolgt daher folgende Ziele:";

  private static final SeedImport SEED = parse();

  private KasselPledgeSeed() {}

  public static PledgeDocument coalition() {
    return SEED.coalition();
  }

  public static PledgeDocument programme() {
    return SEED.programme();
  }

  /** The two demo documents as CRDT seed content, programme after coalition (as before). */
  public static List<SeedDocument> documents() {
    return List.of(
        new SeedDocument(COALITION_NAME, SEED.coalition().title(),
            org.pledgepad.server.store.DocumentKind.COALITION_AGREEMENT, DocumentStage.PUBLISHED, coalitionBlocks()),
        new SeedDocument(PROGRAMME_NAME, SEED.programme().title(),
            org.pledgepad.server.store.DocumentKind.PROGRAMME, DocumentStage.PUBLISHED,
            PledgeBlocks.of(SEED.programme(), heading(SEED.programme()), 1, 2)));
  }

  private static List<Block> coalitionBlocks() {
    PledgeDocument c = SEED.coalition();
    List<Block> out = new ArrayList<>();
    out.add(Block.heading(1, heading(c)));
    // The parser appends goal paragraphs no overview item summarises to the preamble; they belong
    // under the goals heading, so only the introduction stays here.
    for (String p : c.preamble()) {
      if (!SEED.unmatchedGoals().contains(p)) {
        out.add(Block.paragraph(p));
      }
    }
    out.add(Block.heading(2, OVERVIEW_HEADING));
    Set<String> goals = new LinkedHashSet<>();
    for (Pledge p : c.pledges()) {
      out.add(Block.pledgeHeading(3, p.title(), p.id()));
      out.add(Block.paragraph(p.body()));
      goals.addAll(p.fullText());
    }
    goals.addAll(SEED.unmatchedGoals());
    out.add(Block.heading(2, GOALS_HEADING));
    String source = collapse(rawSeed());
    goals.stream()
        .sorted(Comparator.comparingInt(g -> source.indexOf(collapse(g))))
        .forEach(g -> out.add(Block.paragraph(g)));
    return out;
  }

  private static SeedImport parse() {
    try {
      return new ComparisonSeedParser(
          new DocumentMeta(COALITION_NAME, "Koalitionsvertrag Grün-Rot Kassel 2021–2026: Digitalisierung",
              "Grün-Rote Koalition Kassel", DocumentKind.COALITION_AGREEMENT, "2021–2026", "", "", ""),
          new DocumentMeta(PROGRAMME_NAME, "SPD Kassel Wahlprogramm 2021: Digitalisierung",
              "SPD Kassel", DocumentKind.ELECTION_PROGRAMME, "2021–2026", "", "", ""))
          .parse(rawSeed());
    } catch (ImportException e) {
      throw new IllegalStateException("the shipped seed must parse", e);
    }
  }

  /** The seed text shipped in the pledges module's resources (one copy for both modules). */
  static String rawSeed() {
    try (InputStream in = ComparisonSeedParser.class.getResourceAsStream(ComparisonSeedParser.KASSEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(ComparisonSeedParser.KASSEL_RESOURCE + " missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "X) Digitalisierung" → "Digitalisierung": the numbering belongs to the printed agreement, not to the chapter's name. */
  private static String heading(PledgeDocument d) {
    return d.chapter().replaceFirst("^[IVXLC]+\\)\\s*", "");
  }

  private static String collapse(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
