package org.pledgepad.pledges.export;

import java.util.List;

/** RFC 4180 writing: CRLF after every record, fields quoted when they hold a comma, quote, CR or LF, quotes doubled. */
final class Csv {
    private final StringBuilder out = new StringBuilder();

    Csv row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(',');
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    Csv row(String... fields) {
        return row(List.of(fields));
    }

    static String field(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
