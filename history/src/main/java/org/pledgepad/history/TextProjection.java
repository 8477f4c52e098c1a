package org.pledgepad.history;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.pledgepad.crdt.ContentEmbed;
import org.pledgepad.crdt.ContentString;
import org.pledgepad.crdt.Doc;
import org.pledgepad.crdt.Item;
import org.pledgepad.crdt.YText;
import org.pledgepad.crdt.YXmlElement;
import org.pledgepad.crdt.YXmlFragment;
import org.pledgepad.crdt.YXmlText;

/**
 * The visible text of a version together with the CRDT id (client, clock) of every UTF-16 unit.
 * Diffs and authorship work on this: the text says what changed, the ids say who wrote it. For an
 * XML fragment, blocks are separated by '\n' units carrying the id of the block's element.
 */
public final class TextProjection {
  public final String text;
  /** clients[i], clocks[i]: the item unit that produced text.charAt(i). */
  public final long[] clients;
  public final long[] clocks;
  /** Embeds (Y.Text insertEmbed) by text offset; they appear in {@link #text} as U+FFFC. */
  public final Map<Integer, Object> embeds;

  /** Stands for an embedded object, so text offsets stay equal to Y.Text indices. */
  public static final char EMBED = '\uFFFC';

  private TextProjection(String text, long[] clients, long[] clocks, Map<Integer, Object> embeds) {
    this.text = text;
    this.clients = clients;
    this.clocks = clocks;
    this.embeds = embeds;
  }

  public static TextProjection of(Doc doc, ContentKind kind) {
    Builder b = new Builder();
    if (kind == ContentKind.TEXT) {
      b.text(doc.getText(ContentKind.ROOT));
    } else {
      b.blocks(doc.getXmlFragment(ContentKind.ROOT));
    }
    return b.build();
  }

  /** One Y.Text (or the text of one XML text node) on its own. */
  public static TextProjection ofText(YText t) {
    Builder b = new Builder();
    b.text(t);
    return b.build();
  }

  public int length() {
    return text.length();
  }

  private static final class Builder {
    private final StringBuilder sb = new StringBuilder();
    private long[] clients = new long[256];
    private long[] clocks = new long[256];
    private final Map<Integer, Object> embeds = new HashMap<>();

    void text(YText t) {
      for (Item n = t._start; n != null; n = n.right) {
        if (n.deleted()) {
          continue;
        }
        if (n.content instanceof ContentString cs) {
          for (int i = 0; i < cs.str.length(); i++) {
            put(cs.str.charAt(i), n.client, n.clock + i);
          }
        } else if (n.content instanceof ContentEmbed e) {
          embeds.put(sb.length(), e.embed);
          put(EMBED, n.client, n.clock);
        }
      }
    }

    /** Children of a fragment or element; block elements start on a new line. */
    void blocks(YXmlFragment parent) {
      for (Item n = parent._start; n != null; n = n.right) {
        if (n.deleted() || !(n.content instanceof org.pledgepad.crdt.ContentType ct)) {
          continue;
        }
        if (ct.type instanceof YXmlText xt) {
          text(xt);
        } else if (ct.type instanceof YXmlElement e) {
          // A line break carries the id of the element that makes it, so it has an author and
          // versions can be aligned on it like on any character.
          if (Html.isInlineBreak(e.nodeName)) {
            put('\n', n.client, n.clock);
          } else {
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
              put('\n', n.client, n.clock);
            }
            blocks(e);
          }
        }
      }
    }

    private void put(char c, long client, long clock) {
      int i = sb.length();
      if (i == clients.length) {
        clients = Arrays.copyOf(clients, i * 2);
        clocks = Arrays.copyOf(clocks, i * 2);
      }
      sb.append(c);
      clients[i] = client;
      clocks[i] = clock;
    }

    TextProjection build() {
      int n = sb.length();
      return new TextProjection(sb.toString(), Arrays.copyOf(clients, n), Arrays.copyOf(clocks, n), Map.copyOf(embeds));
    }
  }
}
