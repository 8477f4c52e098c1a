package org.pledgepad.pledges.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;

/** Whatever the field text, an RFC 4180 reader gets the same fields back. */
class CsvRoundTripPropertyTest {
    @Property(tries = 500)
    void any_fields_read_back_unchanged(
            @ForAll @Size(min = 1, max = 5) List<@Chars({'a', 'ä', ',', '"', '\n', '\r', ' ', 'ß'}) String> fields) {
        String csv = new Csv().row(fields).toString();
        assertThat(csv).endsWith("\r\n");
        assertThat(readRecord(csv)).isEqualTo(fields);
    }

    /** A minimal RFC 4180 reader for one record, written independently of the writer. */
    private static List<String> readRecord(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    f.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else if (c == '\r' && s.startsWith("\r\n", i)) {
                out.add(f.toString());
                assertThat(i + 2).as("one record only").isEqualTo(s.length());
                return out;
            } else {
                f.append(c);
            }
            i++;
        }
        throw new AssertionError("record not terminated by CRLF: " + s);
    }
}
