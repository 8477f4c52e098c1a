package org.pledgepad.server.doc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;

/**
 * Runs the document-open path a few times at start, on a generated document, before the server
 * reports ready: a fresh JVM loads the CRDT's classes and interprets its decode loops on the
 * first open, which made that open 3–10× slower than later ones (docs/benchmarks.md, issue 3).
 * The work is real (it is what the first open would otherwise pay, once), bounded by rounds and
 * by a time budget, and reported. The document is generated here, so this class touches the
 * CRDT's editing API besides {@link YjsDocument}; it is only ever used for this warm-up.
 */
public final class OpenPathWarmup {
  /** Edits in the generated document: a few rounds take the decode loops past the JIT's thresholds. */
  static final int EDITS = 6_000;

  /** What the warm-up did: rounds run, wall and CPU milliseconds of its thread. */
  public record Report(int rounds, long wallMs, long cpuMs) {}

  private OpenPathWarmup() {}

  /**
   * Opens the generated document up to {@code rounds} times, stopping after the first round
   * that ends past {@code budgetMs} of wall time (a busy machine should not hold readiness back
   * for long).
   */
  public static Report run(int rounds, long budgetMs) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStarted = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    long started = System.nanoTime();
    HierarchyPreload.run(); // before anything is compiled, or the compiled code would be thrown away
    int done = 0;
    if (rounds > 0) {
      List<byte[]> edits = generate(new Random(7));
      // At least one round: on a swamped machine generating the document alone can use the budget.
      while (done < rounds && (done == 0 || (System.nanoTime() - started) / 1_000_000 < budgetMs)) {
        openOnce(edits);
        done++;
      }
    }
    long cpu = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() - cpuStarted : 0;
    return new Report(done, (System.nanoTime() - started) / 1_000_000, cpu / 1_000_000);
  }

  /**
   * One open as a session does it — snapshot applied, then a log tail in one transaction, the
   * whole state encoded as step 2 — plus what the first peers ask next (state vector, a diff,
   * validating their updates).
   */
  private static void openOnce(List<byte[]> edits) {
    int split = edits.size() * 3 / 4;
    YjsDocument writer = new YjsDocument();
    writer.applyAll(edits.subList(0, split));
    byte[] snapshot = writer.encodeState();
    YjsDocument opened = new YjsDocument();
    opened.apply(snapshot);
    opened.applyAll(edits.subList(split, edits.size()));
    byte[] step2 = opened.encodeState();
    byte[] halfVector = writer.stateVector();
    opened.diff(halfVector);
    opened.stateVector();
    for (int i = split; i < edits.size(); i += 16) {
      opened.parse(edits.get(i));
    }
    if (step2.length == 0) {
      throw new IllegalStateException("warm-up produced an empty state"); // keeps the work observable
    }
  }

  /**
   * A document shaped like ours: a ProseMirror fragment of paragraphs, typed into as people type
   * (runs at a caret, backspaces, jumps, bold marks), and a plain text with single characters at
   * random positions (the worst case for decoding: many separate items). One update per edit.
   */
  static List<byte[]> generate(Random random) {
    Doc doc = new Doc();
    List<byte[]> updates = new ArrayList<>(EDITS + 64);
    doc.onUpdate((u, origin, d, tr) -> updates.add(u));
    YXmlFragment fragment = doc.getXmlFragment("default");
    List<YXmlText> paragraphs = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      YXmlElement p = new YXmlElement(i % 6 == 0 ? "heading" : "paragraph");
      YXmlText t = new YXmlText();
      p.insert(0, List.of(t));
      fragment.insert(fragment.length(), List.of(p));
      paragraphs.add(t);
    }
    YText plain = doc.getText("text");
    YXmlText typed = paragraphs.get(0);
    int caret = 0;
    for (int i = 0; i < EDITS; i++) {
      String ch = String.valueOf((char) ('a' + i % 26));
      if (i % 3 == 0) {
        plain.insert(random.nextInt(plain.length() + 1), ch);
        continue;
      }
      int r = random.nextInt(40);
      if (r == 0) { // the caret moves elsewhere
        typed = paragraphs.get(random.nextInt(paragraphs.size()));
        caret = random.nextInt(typed.length() + 1);
      } else if (r < 4 && caret > 0) {
        typed.delete(--caret, 1);
      } else if (r == 4 && typed.length() > 4) {
        typed.format(random.nextInt(typed.length() - 3), 3, Map.of("bold", true));
      } else {
        typed.insert(caret++, ch);
      }
    }
    return updates;
  }
}
