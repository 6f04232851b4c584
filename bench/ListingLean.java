import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The least a JVM listing can do (bench/catalog.sh): `pg_restore -l` of a custom archive of pg_dump 18 (format 1.16,
 * 4-byte ints, uncompressed TOC), its output byte-identical, by one class with none of pgdump4j's generality: the
 * archive read whole, every entry parsed once, strings copied as bytes, only the rules a schema-only listing needs
 * (the database's own entries and entries without a definition are left out), the creation time in UTC. Measured
 * against pg_restore 18 it shows what a JVM per command costs before any of our code runs.
 */
public final class ListingLean {
    private static final byte[][] NOT_LISTED = {ascii("ENCODING"), ascii("STDSTRINGS"), ascii("SEARCHPATH"),
        ascii("DATABASE"), ascii("DATABASE PROPERTIES")};
    private static final byte[] COMMENT = ascii("COMMENT");
    private static final byte[] ACL = ascii("ACL");
    private static final byte[] DATABASE_TAG = ascii("DATABASE ");
    private static final String[] COMPRESSION = {"none", "gzip", "lz4", "zstd"};

    private static byte[] in;
    private static int at;
    private static byte[] out = new byte[1 << 20];
    private static int size;
    private static int length;

    private ListingLean() {
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int integer() {
        int sign = in[at];
        int v = (in[at + 1] & 0xff) | (in[at + 2] & 0xff) << 8 | (in[at + 3] & 0xff) << 16 | (in[at + 4] & 0xff) << 24;
        at += 5;
        return sign != 0 ? -v : v;
    }

    /** A Str: its start; its length in {@link #length} (-1 for NULL). */
    private static int str() {
        length = integer();
        int start = at;
        if (length > 0) {
            at += length;
        }
        return start;
    }

    private static String text() {
        int start = str();
        return length < 0 ? null : new String(in, start, length, StandardCharsets.UTF_8);
    }

    private static void room(int n) {
        if (size + n > out.length) {
            out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, size + n));
        }
    }

    private static void put(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        room(b.length);
        System.arraycopy(b, 0, out, size, b.length);
        size += b.length;
    }

    private static void put(int start, int n, boolean sanitize) {
        room(n);
        System.arraycopy(in, start, out, size, n);
        if (sanitize) {
            for (int i = size; i < size + n; i++) {
                if (out[i] == '\n' || out[i] == '\r') {
                    out[i] = ' ';
                }
            }
        }
        size += n;
    }

    private static void putNumber(int v) {
        room(11);
        int start = size;
        do {
            out[size++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
    }

    /** Whether the bytes at {@code start} are {@code s} (ASCII), all of them or, with {@code prefix}, its start. */
    private static boolean is(int start, int n, byte[] s, boolean prefix) {
        if (prefix ? n < s.length : n != s.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (in[start + i] != s[i]) {
                return false;
            }
        }
        return true;
    }

    private static void put(char c) {
        room(1);
        out[size++] = (byte) c;
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    public static void main(String[] args) throws IOException {
        in = Files.readAllBytes(Path.of(args[0]));
        at = 5;
        String version = in[at] + "." + in[at + 1] + "-" + in[at + 2];
        int intSize = in[at + 3];
        int offSize = in[at + 4];
        at = 11;
        int compression = in[at++];
        int[] tm = new int[7];
        for (int i = 0; i < 7; i++) {
            tm[i] = integer();
        }
        String dbname = text();
        String server = text();
        String dumper = text();
        int count = integer();
        // by hand: String.format's Formatter and locale data cost more than the whole listing
        put(";\n; Archive created at " + (tm[5] + 1900) + "-" + two(tm[4] + 1) + "-" + two(tm[3]) + " " + two(tm[2])
                + ":" + two(tm[1]) + ":" + two(tm[0]) + " UTC\n");
        put(";     dbname: " + dbname + "\n;     TOC Entries: " + count + "\n;     Compression: "
                + COMPRESSION[compression] + "\n;     Dump Version: " + version + "\n;     Format: CUSTOM\n"
                + ";     Integer: " + intSize + " bytes\n;     Offset: " + offSize + " bytes\n"
                + ";     Dumped from database version: " + server + "\n;     Dumped by pg_dump version: " + dumper
                + "\n;\n;\n; Selected TOC Entries:\n;\n");
        for (int e = 0; e < count; e++) {
            int dumpId = integer();
            boolean hadDumper = integer() != 0;
            int tableOid = str();
            int tableOidLength = length;
            int oid = str();
            int oidLength = length;
            int tag = str();
            int tagLength = length;
            int desc = str();
            int descLength = length;
            integer(); // section
            str(); // definition
            int definitionLength = length;
            str(); // drop statement
            str(); // copy statement
            int namespace = str();
            int namespaceLength = length;
            str(); // tablespace
            str(); // table access method
            integer(); // relkind
            int owner = str();
            int ownerLength = length;
            str(); // withOids
            do {
                str(); // dependencies, up to a NULL
            } while (length >= 0);
            at += 1 + offSize; // the data offset
            boolean databaseEntry = false;
            for (byte[] kind : NOT_LISTED) {
                databaseEntry |= is(desc, descLength, kind, false);
            }
            databaseEntry |= (is(desc, descLength, COMMENT, false) || is(desc, descLength, ACL, false))
                    && is(tag, tagLength, DATABASE_TAG, true);
            if (databaseEntry || definitionLength <= 0 && !hadDumper) {
                continue;
            }
            putNumber(dumpId);
            put(';');
            put(' ');
            put(tableOid, tableOidLength, false);
            put(' ');
            put(oid, oidLength, false);
            put(' ');
            put(desc, descLength, false);
            put(' ');
            if (namespaceLength >= 0) {
                put(namespace, namespaceLength, true);
            } else {
                put('-');
            }
            put(' ');
            put(tag, tagLength, true);
            put(' ');
            put(owner, Math.max(ownerLength, 0), true);
            put('\n');
        }
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        stdout.write(out, 0, size);
        stdout.flush();
    }
}
