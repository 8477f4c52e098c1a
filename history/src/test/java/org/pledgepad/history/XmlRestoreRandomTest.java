package org.pledgepad.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.DocOptions;
import org.pledgepad.crdt.Y;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;

/** Random editing of a Tiptap-shaped document, then restoring a random earlier version. */
class XmlRestoreRandomTest {
  static YXmlText textOf(YXmlFragment f, int block) {
    Object o = f.get(block);
    return o instanceof YXmlElement e && e.length() > 0 && e.get(0) instanceof YXmlText t ? t : null;
  }

  static void randomEdit(Doc d, Random rnd) {
    YXmlFragment f = d.getXmlFragment("default");
    d.transact(tr -> {
      int block = rnd.nextInt(f.length());
      YXmlText t = textOf(f, block);
      int op = rnd.nextInt(6);
      if (op == 0 || t == null) {
        f.insert(rnd.nextInt(f.length() + 1), List.of(XmlFixture.paragraph("Absatz " + rnd.nextInt(100))));
      } else if (op == 1 && f.length() > 1) {
        f.delete(block, 1);
      } else if (op == 2) {
        t.insert(rnd.nextInt(t.length() + 1), "neu" + rnd.nextInt(10));
      } else if (op == 3 && t.length() > 0) {
        int at = rnd.nextInt(t.length());
        t.delete(at, 1 + rnd.nextInt(Math.min(4, t.length() - at)));
      } else if (op == 4 && t.length() > 0) {
        int at = rnd.nextInt(t.length());
        Map<String, Object> attrs = new HashMap<>();
        attrs.put(rnd.nextBoolean() ? "bold" : "italic", rnd.nextBoolean() ? Map.of() : null);
        t.format(at, 1 + rnd.nextInt(t.length() - at), attrs);
      } else if (f.get(block) instanceof YXmlElement e) {
        e.setAttribute("level", 1 + rnd.nextInt(3));
      }
    });
  }

  @Test
  void restoringARandomVersionGivesItsContentBack() {
    for (long seed = 1; seed <= 40; seed++) {
      Random rnd = new Random(seed);
      Doc d = new Doc(new DocOptions().clientID(1));
      XmlFixture.fill(d);
      List<byte[]> states = new ArrayList<>();
      for (int step = 0; step < 30; step++) {
        states.add(Y.encodeStateAsUpdate(d));
        randomEdit(d, rnd);
      }
      int k = rnd.nextInt(states.size());
      Doc version = new Doc();
      Y.applyUpdate(version, states.get(k));
      Doc current = new Doc(new DocOptions().clientID(2));
      Y.applyUpdate(current, Y.encodeStateAsUpdate(d));
      byte[] update = Restorer.restore(current, version, ContentKind.XML, "restore");
      String want = new VersionView(version, ContentKind.XML).jsonString();
      assertThat(new VersionView(current, ContentKind.XML).jsonString()).as("seed %d version %d", seed, k).isEqualTo(want);
      // The update alone brings any other replica there too.
      Doc other = new Doc();
      Y.applyUpdate(other, Y.encodeStateAsUpdate(d));
      if (update.length > 0) { // nothing to log when the version equals the current content
        Y.applyUpdate(other, update);
      }
      assertThat(new VersionView(other, ContentKind.XML).jsonString()).as("seed %d replica", seed).isEqualTo(want);
    }
  }
}
