package org.pgdump4j.dump.inserts;

import static java.nio.charset.StandardCharsets.UTF_8;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.pgdump4j.dump.inserts.ValueText.Kind;
import org.pgdump4j.sql.Sql;

/** Any text, escaped as COPY escapes it, comes out as the string literal of the original text. */
class ValueTextProperties {
    /** COPY TO's text escaping (CopyAttributeOutText) of a value. */
    static String copyEscaped(String s) {
        StringBuilder q = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\b' -> q.append("\\b");
                case '\f' -> q.append("\\f");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                case 11 -> q.append("\\v");
                case '\\' -> q.append("\\\\");
                default -> q.append(c);
            }
        }
        return q.toString();
    }

    @Property
    boolean stringsAreTheirLiteral(@ForAll @StringLength(max = 40) String s) {
        String t = s.replace("\0", "");
        if (t.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
            return true; // not valid text for the server
        }
        byte[] field = copyEscaped(t).getBytes(UTF_8);
        TextBuffer out = new TextBuffer();
        ValueText.append(Kind.STRING, field, 0, field.length, out, true);
        return out.toString().equals(Sql.literal(t));
    }

    @Property
    boolean digitsStayBare(@ForAll @StringLength(min = 1, max = 30) @CharRange(from = '0', to = '9') String digits) {
        byte[] field = ("-" + digits + ".5e+1").getBytes(UTF_8);
        TextBuffer out = new TextBuffer();
        ValueText.append(Kind.NUMBER, field, 0, field.length, out, true);
        return out.toString().equals("-" + digits + ".5e+1");
    }
}
