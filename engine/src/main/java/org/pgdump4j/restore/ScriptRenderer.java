package org.pgdump4j.restore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * Prints a TOC as the SQL script pg_restore 18 prints (and pg_dump -Fp, which is the same text): banner,
 * {@code \restrict}, fixed SET preamble, drops for --clean, then the entries in three passes (main, ACL,
 * post-ACL). Single-threaded; one instance per script.
 */
public final class ScriptRenderer {
    private static final Set<String> SPECIAL = Set.of(EntryKind.ENCODING.desc(), EntryKind.STDSTRINGS.desc(),
            EntryKind.SEARCHPATH.desc());
    /** Kinds whose owner statement is ALTER <kind> <schema>.<name>. */
    private static final Set<String> QUALIFIED_OWNER = Set.of("COLLATION", "CONVERSION", "DOMAIN", "FOREIGN TABLE",
            "MATERIALIZED VIEW", "SEQUENCE", "STATISTICS", "TABLE", "TEXT SEARCH DICTIONARY",
            "TEXT SEARCH CONFIGURATION", "TYPE", "VIEW");
    private static final Set<String> UNQUALIFIED_OWNER = Set.of("DATABASE", "PROCEDURAL LANGUAGE", "SCHEMA",
            "EVENT TRIGGER", "FOREIGN DATA WRAPPER", "SERVER", "PUBLICATION", "SUBSCRIPTION");
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private enum Pass { MAIN, ACL, POST_ACL }

    private final Toc toc;
    private final RenderOptions opts;
    private final EntryData data;
    private final OutputStream out;
    private final Charset charset;
    private final String restrictKey;
    private @Nullable String currentTablespace;
    private @Nullable String currentTableAm;

    public ScriptRenderer(Toc toc, RenderOptions opts, EntryData data, OutputStream out, Charset charset) {
        this.toc = toc;
        this.opts = opts;
        this.data = data;
        this.out = out;
        this.charset = charset;
        this.restrictKey = opts.restrictKey() != null ? opts.restrictKey() : randomKey();
    }

    private static String randomKey() {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder(63);
        for (int i = 0; i < 63; i++) {
            sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    public void render() throws IOException {
        print("--\n-- PostgreSQL database dump\n--\n\n");
        print("\\restrict " + restrictKey + "\n\n");
        if (toc.info().serverVersion() != null) {
            print("-- Dumped from database version " + toc.info().serverVersion() + "\n");
        }
        if (toc.info().dumpVersion() != null) {
            print("-- Dumped by pg_dump version " + toc.info().dumpVersion() + "\n");
        }
        print("\n");
        preamble();
        List<TocEntry> selected = toc.entries().stream().filter(this::required).toList();
        if (opts.clean()) {
            drops(selected);
        }
        for (Pass pass : Pass.values()) {
            for (TocEntry e : selected) {
                if (passOf(e) == pass) {
                    entry(e);
                }
            }
        }
        print("--\n-- PostgreSQL database dump complete\n--\n\n");
        print("\\unrestrict " + restrictKey + "\n\n");
        out.flush();
    }

    private void preamble() throws IOException {
        String encoding = toc.first(EntryKind.ENCODING).map(TocEntry::definition).orElse("");
        String stdStrings = toc.first(EntryKind.STDSTRINGS).map(TocEntry::definition).orElse("");
        print("SET statement_timeout = 0;\n");
        print("SET lock_timeout = 0;\n");
        print("SET idle_in_transaction_session_timeout = 0;\n");
        print("SET transaction_timeout = 0;\n");
        print(encoding);
        boolean stdOn = !stdStrings.contains("'off'");
        print("SET standard_conforming_strings = " + (stdOn ? "on" : "off") + ";\n");
        print(toc.first(EntryKind.SEARCHPATH).map(TocEntry::definition).orElse(""));
        print("SET check_function_bodies = false;\n");
        print("SET xmloption = content;\n");
        print("SET client_min_messages = warning;\n");
        if (!stdOn) {
            print("SET escape_string_warning = off;\n");
        }
        print("SET row_security = off;\n");
        print("\n");
        currentTablespace = null;
        currentTableAm = null;
    }

    /** pg_restore's _tocEntryRequired, for the options this renderer knows. */
    private boolean required(TocEntry e) {
        if (SPECIAL.contains(e.desc())) {
            return false;
        }
        boolean database = e.is(EntryKind.DATABASE) || e.is(EntryKind.DATABASE_PROPERTIES)
                || (e.is(EntryKind.COMMENT) || e.is(EntryKind.ACL) || e.desc().equals("SECURITY LABEL"))
                   && e.tag().startsWith("DATABASE ");
        if (database) {
            return opts.create() && !(opts.noComments() && e.is(EntryKind.COMMENT))
                    && !(opts.noPrivileges() && e.is(EntryKind.ACL));
        }
        if (opts.noComments() && e.is(EntryKind.COMMENT)) {
            return false;
        }
        return !(opts.noPrivileges() && (e.is(EntryKind.ACL) || e.desc().equals("DEFAULT ACL")));
    }

    private static Pass passOf(TocEntry e) {
        String d = e.desc();
        if (d.equals("ACL") || d.equals("ACL LANGUAGE") || d.equals("DEFAULT ACL")) {
            return Pass.ACL;
        }
        if (d.equals("EVENT TRIGGER") || d.equals("MATERIALIZED VIEW DATA")) {
            return Pass.POST_ACL;
        }
        if ((d.equals("COMMENT") || d.equals("SECURITY LABEL"))
                && (e.tag().startsWith("EVENT TRIGGER ") || e.tag().startsWith("MATERIALIZED VIEW DATA "))) {
            return Pass.POST_ACL;
        }
        return Pass.MAIN;
    }

    /** --clean: every drop statement in reverse order (with --create only the database's). */
    private void drops(List<TocEntry> selected) throws IOException {
        for (int i = selected.size() - 1; i >= 0; i--) {
            TocEntry e = selected.get(i);
            if (e.dropStatement().isEmpty() || opts.create() && !e.is(EntryKind.DATABASE)) {
                continue;
            }
            if (!opts.ifExists() || e.dropStatement().startsWith("--")) {
                print(e.dropStatement());
            } else {
                print(withIfExists(e));
            }
        }
    }

    /** pg_restore's --if-exists rewrite: IF EXISTS after ALTER TABLE and after DROP <kind>. */
    static String withIfExists(TocEntry e) {
        String drop = e.dropStatement();
        StringBuilder sb = new StringBuilder();
        if (drop.startsWith("ALTER TABLE")) {
            sb.append("ALTER TABLE IF EXISTS");
            drop = drop.substring("ALTER TABLE".length());
        }
        if (e.is(EntryKind.DEFAULT) || e.is(EntryKind.DATABASE_PROPERTIES)
                || drop.startsWith("CREATE OR REPLACE VIEW")) {
            return sb.append(drop).toString();
        }
        String marker = e.desc().equals("CONSTRAINT") || e.desc().equals("CHECK CONSTRAINT")
                || e.desc().equals("FK CONSTRAINT") ? "DROP CONSTRAINT" : "DROP " + e.desc();
        int at = drop.indexOf(marker);
        if (at < 0) {
            return e.dropStatement();
        }
        return sb.append(drop, 0, at).append(marker).append(" IF EXISTS").append(drop.substring(at + marker.length()))
                .toString();
    }

    private void entry(TocEntry e) throws IOException {
        if (e.names().tablespace() != null && !e.names().tablespace().equals(currentTablespace)) {
            String ts = e.names().tablespace();
            print(ts.isEmpty() ? "SET default_tablespace = '';\n\n" : "SET default_tablespace = " + Sql.ident(ts) + ";\n\n");
            currentTablespace = ts;
        }
        if (e.names().tableAm() != null && !e.names().tableAm().equals(currentTableAm)) {
            print("SET default_table_access_method = " + Sql.ident(e.names().tableAm()) + ";\n\n");
            currentTableAm = e.names().tableAm();
        }
        header(e);
        if (opts.noOwner() && e.desc().equals("SCHEMA") && !e.definition().startsWith("--")) {
            print("CREATE SCHEMA " + Sql.ident(e.tag()) + ";\n\n\n");
        } else if (!e.definition().isEmpty()) {
            print(e.definition() + "\n\n");
        }
        if (!opts.noOwner() && e.owner() != null && !e.owner().isEmpty() && !e.dropStatement().isEmpty()) {
            String what = objectDescription(e);
            if (!what.isEmpty()) {
                print("ALTER " + what + " OWNER TO " + Sql.ident(e.owner()) + ";\n\n");
            }
        }
        if (e.hasData()) {
            if (e.copyStatement() != null) {
                print(e.copyStatement());
            }
            out.flush();
            data.writeTo(e, out);
        }
        if (e.is(EntryKind.DATABASE) || e.is(EntryKind.DATABASE_PROPERTIES)) {
            reconnect(e.tag());
        }
    }

    private void header(TocEntry e) throws IOException {
        StringBuilder h = new StringBuilder("--\n-- ");
        if (e.hasData()) {
            h.append("Data for ");
        }
        h.append("Name: ").append(sanitize(e.tag()))
                .append("; Type: ").append(sanitize(e.desc()))
                .append("; Schema: ").append(orHyphen(e.namespace()))
                .append("; Owner: ").append(opts.noOwner() ? "-" : orHyphen(e.owner()));
        String ts = e.names().tablespace();
        if (ts != null && !ts.isEmpty()) {
            h.append("; Tablespace: ").append(sanitize(ts));
        }
        print(h.append("\n--\n\n").toString());
    }

    private void reconnect(String dbname) throws IOException {
        print("\\unrestrict " + restrictKey + "\n");
        print("\\connect " + psqlConnectArgument(dbname) + "\n");
        print("\\restrict " + restrictKey + "\n\n");
        preamble();
    }

    /** A database name as psql's \connect reads it back (pg_dump's appendPsqlMetaConnect). */
    static String psqlConnectArgument(String dbname) {
        if (dbname.indexOf('\n') >= 0 || dbname.indexOf('\r') >= 0) {
            throw new org.pgdump4j.PgDumpException("database name contains a newline or carriage return: \""
                    + sanitize(dbname) + "\"");
        }
        if (dbname.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '_' || c == '.')) {
            return dbname;
        }
        StringBuilder conn = new StringBuilder("dbname=");
        boolean needsQuotes = dbname.isEmpty() || dbname.chars().anyMatch(c -> !(Character.isLetterOrDigit(c)
                || c == '_' || c == '.'));
        if (needsQuotes) {
            conn.append('\'');
            for (char c : dbname.toCharArray()) {
                if (c == '\\' || c == '\'') {
                    conn.append('\\');
                }
                conn.append(c);
            }
            conn.append('\'');
        } else {
            conn.append(dbname);
        }
        return "-reuse-previous=on " + Sql.ident(conn.toString());
    }

    /** pg_restore's _getObjectDescription: what follows ALTER in the owner statement, or "" for none. */
    private static String objectDescription(TocEntry e) {
        String d = e.desc();
        if (QUALIFIED_OWNER.contains(d)) {
            String ns = e.namespace() == null || e.namespace().isEmpty() ? "" : Sql.ident(e.namespace()) + ".";
            return d + " " + ns + Sql.ident(e.tag());
        }
        if (UNQUALIFIED_OWNER.contains(d)) {
            return d + " " + Sql.ident(e.tag());
        }
        if (d.equals("BLOB")) {
            return "LARGE OBJECT " + e.tag();
        }
        if (Set.of("AGGREGATE", "FUNCTION", "OPERATOR", "OPERATOR CLASS", "OPERATOR FAMILY", "PROCEDURE").contains(d)) {
            String drop = e.dropStatement();
            if (!drop.startsWith("DROP ")) {
                return "";
            }
            String s = drop.substring(5);
            while (s.endsWith("\n") || s.endsWith(";")) {
                s = s.substring(0, s.length() - 1);
            }
            return s;
        }
        return "";
    }

    private static String orHyphen(@Nullable String s) {
        return s == null || s.isEmpty() ? "-" : sanitize(s);
    }

    /** Names in comment lines never start a new line (CVE-2025-8715): CR and LF become spaces. */
    static String sanitize(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    private void print(String s) throws IOException {
        out.write(s.getBytes(charset));
    }
}
