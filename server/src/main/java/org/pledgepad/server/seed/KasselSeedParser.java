package org.pledgepad.server.seed;

import java.util.ArrayList;
import java.util.List;
import org.pledgepad.server.store.DocumentKind;
import org.pledgepad.server.store.DocumentStage;

/**
 * Splits the demo text (seeds/kassel-digitalisierung-2021.txt) into the two documents it holds.
 * The file is blank-line separated: chapter title, a comparison hint, introduction paragraphs,
 * "Koalitionsvertrag im Überblick" with pledges as title/text pairs, "Wahlprogramm der SPD Kassel"
 * with items as title/explanation pairs, then "Die Koalition verfolgt daher folgende Ziele:" and
 * the agreement's full paragraphs. A later issue models pledges properly; this stays small.
 */
public final class KasselSeedParser {
  public static final String COALITION_NAME = "koalitionsvertrag-2021-digitalisierung";
  public static final String PROGRAMME_NAME = "spd-kassel-2021-digitalisierung";
  static final String OVERVIEW_MARKER = "Koalitionsvertrag im Überblick";
  static final String PROGRAMME_MARKER = "Wahlprogramm der SPD Kassel";
  static final String GOALS_MARKER = "Die Koalition verfolgt daher folgende Ziele:";

  private KasselSeedParser() {}

  public static List<SeedDocument> parse(String text) {
    List<String> chunks = new ArrayList<>();
    for (String c : text.replace("\r\n", "\n").split("\n\\s*\n")) {
      String t = c.strip().replaceAll("\\s*\n\\s*", " ");
      if (!t.isEmpty()) {
        chunks.add(t);
      }
    }
    int overview = indexOf(chunks, OVERVIEW_MARKER);
    int programme = indexOf(chunks, PROGRAMME_MARKER);
    int goals = indexOf(chunks, GOALS_MARKER);
    if (!(overview < programme && programme < goals)) {
      throw new IllegalArgumentException("seed text sections out of order");
    }
    String chapter = chunks.get(0).replaceFirst("^[IVXLC]+\\)\\s*", "");

    List<Block> coalition = new ArrayList<>();
    coalition.add(Block.heading(1, chapter));
    // chunks[1] is the comparison hint addressed to readers of both documents: not content.
    for (int i = 2; i < overview; i++) {
      coalition.add(Block.paragraph(chunks.get(i)));
    }
    coalition.add(Block.heading(2, OVERVIEW_MARKER));
    addPairs(coalition, chunks.subList(overview + 1, programme), 3);
    coalition.add(Block.heading(2, GOALS_MARKER));
    for (int i = goals + 1; i < chunks.size(); i++) {
      coalition.add(Block.paragraph(chunks.get(i)));
    }

    List<Block> spd = new ArrayList<>();
    spd.add(Block.heading(1, chapter));
    addPairs(spd, chunks.subList(programme + 1, goals), 2);

    return List.of(
        new SeedDocument(COALITION_NAME,
            "Koalitionsvertrag Grün-Rot Kassel 2021–2026: " + chapter,
            DocumentKind.COALITION_AGREEMENT, DocumentStage.PUBLISHED, coalition),
        new SeedDocument(PROGRAMME_NAME,
            "SPD Kassel Wahlprogramm 2021: " + chapter,
            DocumentKind.PROGRAMME, DocumentStage.PUBLISHED, spd));
  }

  private static void addPairs(List<Block> out, List<String> chunks, int level) {
    if (chunks.size() % 2 != 0) {
      throw new IllegalArgumentException("seed section has a title without text");
    }
    for (int i = 0; i < chunks.size(); i += 2) {
      out.add(Block.heading(level, chunks.get(i)));
      out.add(Block.paragraph(chunks.get(i + 1)));
    }
  }

  private static int indexOf(List<String> chunks, String marker) {
    int i = chunks.indexOf(marker);
    if (i < 0) {
      throw new IllegalArgumentException("seed text lacks the section " + marker);
    }
    return i;
  }
}
