package org.pledgepad.pledges.imports;

import java.util.ArrayList;
import java.util.List;

/** Splits text into blank-line separated paragraphs, remembering the line each starts on. */
final class Paragraphs {
    /** One paragraph: its lines joined by a space, and its 1-based first line. */
    record Paragraph(String text, int line) {}

    private Paragraphs() {}

    static List<Paragraph> split(String text) {
        List<Paragraph> out = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        StringBuilder current = new StringBuilder();
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                if (start >= 0) {
                    out.add(new Paragraph(current.toString(), start));
                    current.setLength(0);
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i + 1;
            } else {
                current.append(' ');
            }
            current.append(line);
        }
        if (start >= 0) {
            out.add(new Paragraph(current.toString(), start));
        }
        return out;
    }
}
