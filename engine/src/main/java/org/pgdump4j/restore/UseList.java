package org.pgdump4j.restore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pgdump4j.UsageException;

/**
 * A parsed {@code -L} use-list: the lines that name a dump id, in file order. Everything from the first {@code ;}
 * on a line is a comment; blank lines are skipped; the rest must start with a decimal dump id (leading
 * whitespace allowed, anything after it ignored), as pg_restore's SortTocFromFile reads it. Which ids exist is
 * only known against a TOC: {@link RestoreSelection} checks them.
 *
 * @param source the file name for messages
 * @param lines  every non-blank, non-comment line
 */
public record UseList(String source, List<Line> lines) {
    public UseList {
        Objects.requireNonNull(source, "source");
        lines = List.copyOf(lines);
    }

    /**
     * One line naming an entry.
     *
     * @param number 1-based line number in the file
     * @param text   the line without its comment (what pg_restore's "line ignored" warning shows)
     * @param dumpId the parsed id, or -1 when the line does not start with a number
     */
    public record Line(int number, String text, long dumpId) {
        public Line {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Reads a use-list file. */
    public static UseList parse(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new UsageException("could not open TOC file \"" + file + "\": No such file or directory", e);
        } catch (IOException e) {
            throw new UsageException("could not open TOC file \"" + file + "\": " + e.getMessage(), e);
        }
    }

    /** Reads a use-list from {@code in}; {@code source} names it in messages. */
    public static UseList parse(Reader in, String source) throws IOException {
        BufferedReader br = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (String raw = br.readLine(); raw != null; raw = br.readLine()) {
            number++;
            int semi = raw.indexOf(';');
            String text = semi >= 0 ? raw.substring(0, semi) : raw;
            if (text.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
                continue;
            }
            lines.add(new Line(number, text, leadingId(text)));
        }
        return new UseList(source, lines);
    }

    /** strtol(text, 10): optional whitespace, optional sign, digits; -1 when there are no digits. */
    private static long leadingId(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int start = i;
        long v = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            if (v < Integer.MAX_VALUE) {
                v = v * 10 + (text.charAt(i) - '0');
            }
            i++;
        }
        if (i == start) {
            return -1;
        }
        return negative ? -v : v;
    }
}
