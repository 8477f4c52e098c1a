package org.pledgepad.pledges.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pledgepad.pledges.model.Pledge;
import org.pledgepad.pledges.model.PledgeDocument;
import org.pledgepad.pledges.model.PledgeIds;

/**
 * Imports Markdown or plain text whose headings mark the pledges, so other chapters and other
 * cities can be loaded without a special parser.
 *
 * <p>Rules: ATX headings ({@code #} to {@code ######}) and setext headings (a line underlined with
 * {@code ===} or {@code ---}) are recognised. The deepest heading level in the file is the pledge
 * level. Above it, a single heading at the very top is the document title; other higher headings
 * name the chapter of the pledges that follow. Under a pledge heading the first paragraph is the
 * body and further paragraphs are its full text. Text outside pledges becomes the preamble.
 *
 * <p>Malformed input fails with the line number: {@code #Titel} without a space (ambiguous between
 * a heading and a hashtag), an empty heading, a skipped level ({@code #} then {@code ###}), an
 * underline with no text above it, an unclosed code fence, or a text without any heading.
 */
public final class HeadingTextImporter {
    /** Level and the rest of the line; an optional closing sequence is cut by {@link #withoutClosingHashes}. */
    private static final Pattern ATX = Pattern.compile("^(#{1,6})[ \\t]+(.*)$");
    /** Possessive: a plain {@code [ \t]*#*[ \t]*} backtracks quadratically over a long run of spaces. */
    private static final Pattern ATX_EMPTY = Pattern.compile("^(#{1,6})[ \\t]*+#*+[ \\t]*+$");
    private static final Pattern NO_SPACE = Pattern.compile("^#{1,6}[^#\\s].*");
    private static final Pattern TOO_DEEP = Pattern.compile("^#{7,}(\\s.*)?$");
    private static final Pattern SETEXT_1 = Pattern.compile("^=+[ \\t]*$");
    private static final Pattern SETEXT_2 = Pattern.compile("^-{3,}[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^(```|~~~).*");

    /** A line of the input after heading detection. */
    private record Line(int number, int level, String text) {
        boolean heading() {
            return level > 0;
        }
    }

    public PledgeDocument parse(String input, DocumentMeta meta) throws ImportException {
        List<Line> lines = classify(input);
        int pledgeLevel = lines.stream().filter(Line::heading).mapToInt(Line::level).max()
                .orElseThrow(() -> new ImportException(1, "keine Überschrift gefunden: jeder Punkt braucht eine Überschrift (# oder ##)"));
        checkLevels(lines);

        String title = meta.title();
        String chapter = meta.chapter();
        List<Line> headings = lines.stream().filter(Line::heading).toList();
        Line first = headings.get(0);
        boolean titleHeading = first.level() < pledgeLevel
                && headings.stream().filter(h -> h.level() == first.level()).count() == 1
                && lines.indexOf(first) == firstNonBlank(lines);

        List<String> preamble = new ArrayList<>();
        List<Pledge> pledges = new ArrayList<>();
        String pledgeTitle = null;
        List<String> paragraphs = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (Line line : lines) {
            if (!line.heading() && !line.text().isBlank()) {
                if (para.length() > 0) para.append(' ');
                para.append(line.text().strip());
                continue;
            }
            flush(para, paragraphs);
            if (!line.heading()) continue;
            if (pledgeTitle != null) {
                pledges.add(pledge(meta, pledges.size(), pledgeTitle, chapter, paragraphs));
            } else {
                preamble.addAll(paragraphs);
            }
            paragraphs = new ArrayList<>();
            pledgeTitle = null;
            if (line == first && titleHeading) {
                title = line.text();
            } else if (line.level() < pledgeLevel) {
                chapter = line.text();
            } else {
                pledgeTitle = line.text();
            }
        }
        flush(para, paragraphs);
        if (pledgeTitle != null) {
            pledges.add(pledge(meta, pledges.size(), pledgeTitle, chapter, paragraphs));
        } else {
            preamble.addAll(paragraphs);
        }
        return new PledgeDocument(meta.id(), title, meta.issuer(), meta.kind(), meta.period(), meta.sourceUrl(),
                meta.licence(), meta.chapter(), preamble, pledges);
    }

    private static Pledge pledge(DocumentMeta meta, int ordinal, String title, String chapter, List<String> paragraphs) {
        String body = paragraphs.isEmpty() ? "" : paragraphs.get(0);
        List<String> full = paragraphs.size() > 1 ? paragraphs.subList(1, paragraphs.size()) : List.of();
        return new Pledge(PledgeIds.importedId(title, meta.id(), ordinal), title, body, chapter, full);
    }

    private static void flush(StringBuilder para, List<String> into) {
        if (para.length() > 0) {
            into.add(para.toString());
            para.setLength(0);
        }
    }

    private static int firstNonBlank(List<Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).heading() || !lines.get(i).text().isBlank()) return i;
        }
        return -1;
    }

    /** A heading may go any number of levels up, but only one level deeper than the one before. */
    private static void checkLevels(List<Line> lines) throws ImportException {
        int previous = 0;
        for (Line l : lines) {
            if (!l.heading()) continue;
            if (previous > 0 && l.level() > previous + 1) {
                throw new ImportException(l.number(), "Überschrift springt von Ebene " + previous + " auf Ebene "
                        + l.level() + "; dazwischen fehlt eine Ebene");
            }
            previous = l.level();
        }
    }

    /**
     * The heading text without a closing sequence ("## Radwege ##": hashes at the end after a space
     * or tab). A scan from the end rather than a lazy pattern with an optional group: that
     * backtracked over every run of spaces, quadratic in the length of a hostile line.
     */
    static String withoutClosingHashes(String text) {
        int end = text.length();
        int i = end;
        while (i > 0 && text.charAt(i - 1) == '#') {
            i--;
        }
        boolean closing = i < end && i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t');
        return (closing ? text.substring(0, i) : text).strip();
    }

    private static List<Line> classify(String input) throws ImportException {
        String[] raw = input.split("\\R", -1);
        List<Line> out = new ArrayList<>();
        int fenceStart = 0;
        for (int i = 0; i < raw.length; i++) {
            int n = i + 1;
            String s = raw[i];
            String t = s.strip();
            if (FENCE.matcher(t).matches()) {
                fenceStart = fenceStart == 0 ? n : 0;
                out.add(new Line(n, 0, s));
                continue;
            }
            if (fenceStart != 0) {
                out.add(new Line(n, 0, s));
                continue;
            }
            if (TOO_DEEP.matcher(t).matches()) {
                throw new ImportException(n, "Überschrift tiefer als Ebene 6");
            }
            if (ATX_EMPTY.matcher(t).matches()) {
                throw new ImportException(n, "leere Überschrift");
            }
            Matcher m = ATX.matcher(t);
            if (m.matches()) {
                out.add(new Line(n, m.group(1).length(), withoutClosingHashes(m.group(2))));
                continue;
            }
            if (NO_SPACE.matcher(t).matches()) {
                throw new ImportException(n, "nach '#' fehlt ein Leerzeichen (\"# Titel\"); für Text ohne Überschrift '\\#' schreiben");
            }
            boolean setext1 = SETEXT_1.matcher(t).matches();
            boolean setext2 = SETEXT_2.matcher(t).matches();
            if (setext1 || setext2) {
                Line prev = out.isEmpty() ? null : out.get(out.size() - 1);
                if (prev == null || prev.heading() || prev.text().isBlank()) {
                    if (setext2) {
                        out.add(new Line(n, 0, ""));   // a thematic break, not an underline
                        continue;
                    }
                    throw new ImportException(n, "Unterstreichung '===' ohne Text in der Zeile darüber");
                }
                out.set(out.size() - 1, new Line(prev.number(), setext1 ? 1 : 2, prev.text().strip()));
                continue;
            }
            out.add(new Line(n, 0, t.startsWith("\\#") ? t.substring(1) : s));
        }
        if (fenceStart != 0) {
            throw new ImportException(fenceStart, "Codeblock wird nicht geschlossen");
        }
        return out;
    }
}
