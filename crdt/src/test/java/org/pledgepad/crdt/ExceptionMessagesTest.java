package org.pledgepad.crdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The server logs what the CRDT throws while decoding or applying an update, with its message,
 * when a committed or logged update fails to apply: no message may quote the update's content.
 * Every kind of content carries a marker; the update is then truncated at every byte and has
 * every byte replaced, in both encodings, and every failure's message chain is searched.
 */
class ExceptionMessagesTest {
  private static final String MARKER = "Geheimvermerk";
  private static final int[] REPLACEMENTS = {0x00, 0x01, 0x08, 0x22, 0x7f, 0x80, 0xff};

  /** A document holding the marker as text, format, embed, map key and value, XML name and attribute, root name. */
  static Doc contentDoc() {
    Doc d = new Doc(new DocOptions().clientID(4711));
    YText text = d.getText("text");
    text.insert(0, MARKER + " im Text");
    text.format(0, 4, Map.of(MARKER, MARKER));
    text.insertEmbed(3, Map.of(MARKER, List.of(MARKER, 1.5, Map.of("k", MARKER))));
    YMap<Object> map = d.getMap("map");
    map.set(MARKER, MARKER);
    map.set("nested", Map.of(MARKER, MARKER));
    map.set("binary", MARKER.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    d.getArray("list").push(List.of(MARKER, Map.of(MARKER, true)));
    YXmlElement element = new YXmlElement(MARKER);
    d.getXmlFragment("default").push(List.of(element));
    element.setAttribute(MARKER, MARKER);
    element.push(List.of(new YXmlText(MARKER)));
    d.getText(MARKER).insert(0, MARKER);
    return d;
  }

  /** Each variant of the update: truncated at every byte, every byte replaced. */
  static void forEachMutation(byte[] update, Consumer<byte[]> f) {
    for (int i = 0; i < update.length; i++) {
      f.accept(java.util.Arrays.copyOf(update, i));
      for (int b : REPLACEMENTS) {
        if ((update[i] & 0xff) != b) {
          byte[] m = update.clone();
          m[i] = (byte) b;
          f.accept(m);
        }
      }
    }
  }

  private static void collect(Throwable t, List<String> out) {
    for (; t != null; t = t.getCause()) {
      out.add(t.getClass().getName() + ": " + t.getMessage());
      for (Throwable s : t.getSuppressed()) {
        collect(s, out);
      }
      if (t.getCause() == t) {
        break;
      }
    }
  }

  private static void tryAll(byte[] update, boolean v2, Map<String, Integer> failures) {
    tryAll(update, v2, failures, null);
  }

  private static void tryAll(byte[] update, boolean v2, Map<String, Integer> failures, byte[] base) {
    List<String> messages = new ArrayList<>();
    try {
      ParsedUpdate parsed = v2 ? Y.parseUpdateV2(update, UpdateLimits.UNTRUSTED) : Y.parseUpdate(update, UpdateLimits.UNTRUSTED);
      Doc d = new Doc();
      if (base != null) {
        Y.applyUpdate(d, base);
      }
      Y.applyParsedUpdate(d, parsed, null);
    } catch (RuntimeException | StackOverflowError e) {
      collect(e, messages);
    }
    try {
      Doc d = new Doc();
      if (v2) {
        Y.applyUpdateV2(d, update, null, UpdateLimits.TRUSTED);
      } else {
        Y.applyUpdate(d, update, null, UpdateLimits.TRUSTED);
      }
    } catch (RuntimeException | StackOverflowError e) {
      collect(e, messages);
    }
    for (String m : messages) {
      failures.merge(m, 1, Integer::sum);
    }
  }

  @Test
  void noFailureOfAMutatedUpdateQuotesItsContent() {
    Doc d = contentDoc();
    Map<String, Integer> failures = new LinkedHashMap<>();
    forEachMutation(Y.encodeStateAsUpdate(d), u -> tryAll(u, false, failures));
    forEachMutation(Y.encodeStateAsUpdateV2(d), u -> tryAll(u, true, failures));
    // Referring to structs the document holds: an origin or parent that is no type, say.
    byte[] before = Y.encodeStateAsUpdate(d);
    byte[] sv = Y.encodeStateVector(d);
    d.getText("text").insert(2, MARKER);
    d.getMap("map").set(MARKER, Map.of(MARKER, MARKER));
    ((YXmlElement) d.getXmlFragment("default").get(0)).setAttribute(MARKER, "neu " + MARKER);
    forEachMutation(Y.encodeStateAsUpdate(d, sv), u -> tryAll(u, false, failures, before));
    assertThat(failures).as("failures seen").isNotEmpty();
    assertThat(failures.keySet()).noneMatch(m -> m.contains(MARKER));
  }

  /** Outside the update path, but also from input: a position's id and a map's key were quoted. */
  @Test
  void aMalformedPositionOrMapKeyIsNamedByItsTypeOnly() {
    Map<String, Object> position = new java.util.HashMap<>();
    position.put("item", MARKER);
    assertThatThrownBy(() -> RelativePosition.createRelativePositionFromJSON(position))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(MARKER).hasMessageContaining("String");
    Map<Object, Object> keyed = Map.of(List.of(MARKER), 1);
    assertThatThrownBy(() -> Y.encodeStateAsUpdate(mapHolding(keyed)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(MARKER);
  }

  private static Doc mapHolding(Object value) {
    Doc d = new Doc();
    d.getMap("map").set("k", value);
    return d;
  }
}
