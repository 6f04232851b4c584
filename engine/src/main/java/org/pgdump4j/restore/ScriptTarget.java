package org.pgdump4j.restore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;
import org.pgdump4j.connect.ConnString;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.TocEntry;

/**
 * Prints the restore as pg_restore 18's {@code -f} script. Single-threaded; does not close the stream.
 */
public final class ScriptTarget implements SqlTarget {
    /** pg_restore's LOBBUFSIZE: one lowrite per this many bytes. */
    static final int LO_BUFFER = 16384;
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final OutputStream out;
    private final Charset charset;
    private final String restrictKey;
    private final byte[] loBuffer = new byte[LO_BUFFER];

    /**
     * @param charset     the charset the archive's strings were decoded with (its encoding)
     * @param restrictKey the {@code \restrict} key; null for a random 63-character one
     */
    public ScriptTarget(OutputStream out, Charset charset, @Nullable String restrictKey) {
        this.out = Objects.requireNonNull(out, "out");
        this.charset = Objects.requireNonNull(charset, "charset");
        if (restrictKey != null && !restrictKey.matches("[A-Za-z0-9]+")) {
            throw new UsageException("invalid restrict key");
        }
        this.restrictKey = restrictKey != null ? restrictKey : randomKey();
    }

    public static String randomKey() {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder(63);
        for (int i = 0; i < 63; i++) {
            sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    @Override
    public boolean direct() {
        return false;
    }

    @Override
    public void comment(String text) throws IOException {
        print(text);
    }

    @Override
    public void sql(@Nullable TocEntry entry, String sql) throws IOException {
        print(sql);
    }

    @Override
    public void clientEncoding(String name) throws IOException {
        print("SET client_encoding = '" + name + "';\n");
    }

    @Override
    public void copy(TocEntry entry, String copyStatement, InputStream data) throws IOException {
        print(copyStatement);
        data.transferTo(out);
    }

    @Override
    public void insertData(TocEntry entry, InputStream data) throws IOException {
        data.transferTo(out);
    }

    @Override
    public void begin() throws IOException {
        print("BEGIN;\n\n");
    }

    @Override
    public void commit() throws IOException {
        print("COMMIT;\n\n");
    }

    @Override
    public void largeObject(TocEntry entry, long oid, boolean create, InputStream data, boolean standardStrings)
            throws IOException {
        print(create ? "SELECT pg_catalog.lo_open(pg_catalog.lo_create('" + oid + "'), 131072);\n"
                : "SELECT pg_catalog.lo_open('" + oid + "', 131072);\n");
        HexFormat hex = HexFormat.of();
        // one buffer for every object: a million small objects would otherwise allocate gigabytes
        for (int n = data.readNBytes(loBuffer, 0, LO_BUFFER); n > 0; n = data.readNBytes(loBuffer, 0, LO_BUFFER)) {
            print("SELECT pg_catalog.lowrite(0, " + (standardStrings ? "'\\x" : "E'\\\\x")
                    + hex.formatHex(loBuffer, 0, n) + "');\n");
        }
        print("SELECT pg_catalog.lo_close(0);\n\n");
    }

    @Override
    public void reconnect(String dbname) throws IOException {
        print("\\unrestrict " + restrictKey + "\n");
        String argument = psqlConnectArgument(dbname);
        if (!plainName(dbname)) {
            // pg_dump's appendPsqlMetaConnect: psql must read the connection string's bytes as they are
            print("\\encoding SQL_ASCII\n");
        }
        print("\\connect " + argument + "\n");
        print("\\restrict " + restrictKey + "\n\n");
    }

    @Override
    public void restrict(boolean enter) throws IOException {
        print((enter ? "\\restrict " : "\\unrestrict ") + restrictKey + "\n\n");
    }

    @Override
    public int errors() {
        return 0;
    }

    /** The key of the {@code \restrict} lines. */
    public String restrictKey() {
        return restrictKey;
    }

    private void print(String s) throws IOException {
        out.write(s.getBytes(charset));
    }

    /**
     * A database name as psql's \connect reads it back (pg_dump's appendPsqlMetaConnect): a plain ASCII name as an
     * identifier ({@code "MyDb"}, {@code "select"}, every name under {@code --quote-all-identifiers}).
     */
    static String psqlConnectArgument(String dbname) {
        if (dbname.indexOf('\n') >= 0 || dbname.indexOf('\r') >= 0) {
            throw new org.pgdump4j.PgDumpException("database name contains a newline or carriage return: \""
                    + TocListing.sanitize(dbname, false) + "\"");
        }
        if (plainName(dbname)) {
            return Sql.ident(dbname);
        }
        // conninfo quoting, then identifier quoting, which psql's meta-command parser accepts as one argument
        return "-reuse-previous=on " + Sql.ident("dbname=" + ConnString.quote(dbname));
    }

    /** Plain ASCII: written as an identifier, else as a connection string. */
    private static boolean plainName(String dbname) {
        return dbname.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '_' || c == '.');
    }
}
