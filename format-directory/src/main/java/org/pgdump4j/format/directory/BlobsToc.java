package org.pgdump4j.format.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.pgdump4j.ArchiveFormatException;

/**
 * The large-object list of a BLOBS entry ({@code blobs.toc}, {@code blobs_<dumpId>.toc}): one line
 * {@code <oid> blob_<oid>.dat} per large object, in dump order. Read line by line, so a list of millions of large
 * objects (archives up to 1.15 have one list for all) costs no memory.
 */
public final class BlobsToc {
    private static final int MAX_LINE = 1024;

    private BlobsToc() {
    }

    /** One line of the list: a large object's OID and its file name (without compression suffix). */
    public record Line(long oid, String file) {
    }

    /** Receives each line of a list. */
    @FunctionalInterface
    public interface LineConsumer {
        void accept(Line line) throws IOException;
    }

    /** The line pg_dump writes for {@code oid}. */
    public static byte[] line(long oid) {
        return (Long.toUnsignedString(oid) + " " + FileNames.blobFile(oid) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes the line for {@code oid}. */
    public static void writeLine(OutputStream out, long oid) throws IOException {
        out.write(line(oid));
    }

    /**
     * Parses a list as pg_restore does ("unsigned, whitespace, name"), with the file name checked by
     * {@link FileNames#requireSafe}.
     *
     * @param where the list's name for messages, e.g. {@code "dump/blobs_3378.toc"}
     */
    public static void read(InputStream in, String where, LineConsumer consumer) throws IOException {
        StringBuilder line = new StringBuilder();
        int lineNo = 1;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                consumer.accept(parse(line.toString(), where, lineNo));
                line.setLength(0);
                lineNo++;
            } else {
                if (line.length() >= MAX_LINE) {
                    throw new ArchiveFormatException("invalid line " + lineNo + " in large object TOC file \"" + where
                            + "\": longer than " + MAX_LINE + " bytes");
                }
                line.append((char) c);
            }
        }
        if (line.length() > 0) {
            consumer.accept(parse(line.toString(), where, lineNo));
        }
    }

    static Line parse(String line, String where, int lineNo) {
        String trimmed = line.strip();
        int sp = 0;
        while (sp < trimmed.length() && trimmed.charAt(sp) >= '0' && trimmed.charAt(sp) <= '9') {
            sp++;
        }
        String rest = trimmed.substring(sp);
        String name = rest.strip();
        if (sp == 0 || sp > 10 || rest.isEmpty() || !Character.isWhitespace(rest.charAt(0)) || name.isEmpty()
                || name.chars().anyMatch(Character::isWhitespace)) {
            throw new ArchiveFormatException("invalid line " + lineNo + " in large object TOC file \"" + where + "\": \""
                    + FileNames.printable(line) + "\"");
        }
        long oid = Long.parseLong(trimmed.substring(0, sp));
        if (oid == 0 || oid > 0xFFFF_FFFFL) {
            throw new ArchiveFormatException("invalid OID for large object (" + trimmed.substring(0, sp) + ") in line "
                    + lineNo + " of \"" + where + "\"");
        }
        FileNames.requireSafe(name, "line " + lineNo + " of large object TOC file \"" + where + "\"");
        return new Line(oid, name);
    }
}
