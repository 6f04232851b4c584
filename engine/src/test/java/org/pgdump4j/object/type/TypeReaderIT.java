package org.pgdump4j.object.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.pgdump4j.catalog.Jdbc;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.catalog.ServerFeatures;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.Ownership;
import org.pgdump4j.model.type.DomainConstraint;
import org.pgdump4j.model.type.ShellType;
import org.pgdump4j.model.type.UserType;
import org.pgdump4j.testing.MajorGate;
import org.pgdump4j.testing.PgServers;
import org.pgdump4j.testing.TestDb;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/**
 * The same fixture read on every server major 10..18 gives the same entries (definitions, comments, privileges),
 * version-gated objects only where the server has them; the base type's text is pg_dump 18's.
 */
class TypeReaderIT {
    private static final String FIXTURE = """
            CREATE SCHEMA ty;
            CREATE TYPE ty.mood AS ENUM ('sad', 'ok', 'it''s');
            CREATE TYPE ty.pair AS (a integer, gone text, b text COLLATE "C", m ty.mood[]);
            ALTER TYPE ty.pair DROP ATTRIBUTE gone;
            COMMENT ON COLUMN ty.pair.b IS 'the b';
            CREATE TYPE ty.fr AS RANGE (subtype = float8, subtype_diff = float8mi);
            CREATE TYPE ty.tr AS RANGE (subtype = text, subtype_opclass = text_pattern_ops, collation = "C");
            CREATE DOMAIN ty.posint AS integer NOT NULL DEFAULT 1 CHECK (VALUE > 0);
            COMMENT ON CONSTRAINT posint_check ON DOMAIN ty.posint IS 'positive';
            CREATE DOMAIN ty.later AS integer;
            ALTER DOMAIN ty.later ADD CONSTRAINT c CHECK (VALUE < 10) NOT VALID;
            CREATE DOMAIN ty.arr AS text[] COLLATE "C";
            CREATE TYPE ty.shell;
            CREATE FUNCTION ty.myint_in(cstring) RETURNS ty.myint LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
            CREATE FUNCTION ty.myint_out(ty.myint) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'int4out';
            CREATE TYPE ty.myint (INPUT = ty.myint_in, OUTPUT = ty.myint_out, INTERNALLENGTH = 4, PASSEDBYVALUE,
                ALIGNMENT = int4, STORAGE = plain, CATEGORY = 'N', DEFAULT = '42', DELIMITER = ';');
            COMMENT ON TYPE ty.mood IS 'feelings';
            COMMENT ON DOMAIN ty.posint IS 'pos';
            REVOKE USAGE ON TYPE ty.pair FROM PUBLIC;
            CREATE TABLE ty.t (id integer, p ty.pair);
            --@ 14+ CREATE TYPE ty.br AS RANGE (subtype = int8, multirange_type_name = ty.bm);
            --@ 17+ CREATE DOMAIN ty.nn AS integer CONSTRAINT "my nn" NOT NULL;
            """;

    /** Every entry call the emitter makes for the schema's objects, keyed by object, as text. */
    static Map<String, String> read(int major) throws Exception {
        try (TestDb db = PgServers.freshDb(major, "typereader")) {
            db.execute(MajorGate.forMajor(FIXTURE, major));
            try (Connection conn = db.connect()) {
                conn.createStatement().execute("SELECT pg_catalog.set_config('search_path', '', false)");
                Jdbc jdbc = new Jdbc(conn);
                long nsp = Long.parseLong(db.queryString("SELECT 'ty'::regnamespace::oid"));
                int version = Integer.parseInt(db.queryString("SHOW server_version_num"));
                ReadContext ctx = new ReadContext(jdbc, new ServerFeatures(version), Set.of(nsp), true);
                Map<String, String> out = new TreeMap<>();
                for (FamilyObject o : new TypeReader().read(ctx)) {
                    if (!"ty".equals(o.schema()) || o.components().isEmpty() && !(o instanceof ShellType)) {
                        continue;
                    }
                    StringBuilder calls = new StringBuilder();
                    TypeEmitter.emit(o, new Recorder(calls));
                    out.put(o.kind() + " " + o.sortName(), calls.toString());
                }
                return out;
            }
        }
    }

    @Test
    void sameEntriesOnEveryMajor() throws Exception {
        Map<String, String> newest = read(18);
        assertEquals("definition TYPE myint postgres\nCREATE TYPE ty.myint (\n    INTERNALLENGTH = 4,\n"
                + "    INPUT = ty.myint_in,\n    OUTPUT = ty.myint_out,\n    DEFAULT = '42',\n    CATEGORY = 'N',\n"
                + "    DELIMITER = ';',\n    ALIGNMENT = int4,\n    STORAGE = plain,\n    PASSEDBYVALUE\n);\n"
                + "DROP TYPE ty.myint CASCADE;\n\nacl TYPE myint null\n", newest.get("TYPE myint"));
        assertEquals("definition SHELL TYPE myint postgres\nCREATE TYPE ty.myint;\n\n", newest.get("SHELL_TYPE myint"));
        assertTrue(newest.get("TYPE nn").contains("CONSTRAINT \"my nn\" NOT NULL"), newest.get("TYPE nn"));
        assertEquals("definition CHECK CONSTRAINT later c postgres\nALTER DOMAIN ty.later\n"
                + "    ADD CONSTRAINT c CHECK ((VALUE < 10)) NOT VALID;\nALTER DOMAIN ty.later DROP CONSTRAINT c;\n\n",
                newest.get("CONSTRAINT c"));
        for (int major : PgServers.everyMajor()) {
            if (major == 18) {
                continue;
            }
            Map<String, String> expected = new TreeMap<>(newest);
            if (major < 17) {
                expected.remove("TYPE nn");
            }
            if (major < 14) {
                expected.remove("TYPE br");
                expected.remove("SHELL_TYPE br");
                // 14+ servers name the multirange every range type has; pg_dump 18 writes that name
                expected.replaceAll((k, v) -> v.replaceAll(",\n    multirange_type_name = [^,\n]+", ""));
            }
            assertEquals(expected, read(major), "server " + major);
        }
    }

    /** Writes each call as text. */
    private record Recorder(StringBuilder out) implements EntrySink {
        @Override
        public void warning(String message) {
            out.append("warning ").append(message).append('\n');
        }

        @Override
        public void definition(EntryKind kind, String tag, @Nullable String namespace, @Nullable String owner,
                String create, String drop) {
            out.append("definition ").append(kind.desc()).append(' ').append(tag).append(' ').append(owner)
                    .append('\n').append(create).append(drop).append('\n');
        }

        @Override
        public void privilegesDefinition(EntryKind kind, String tag, @Nullable String namespace,
                @Nullable String owner, String create) {
            out.append("privileges ").append(kind.desc()).append(' ').append(tag).append('\n').append(create);
        }

        @Override
        public void comment(String type, String name, @Nullable String namespace, @Nullable String owner,
                @Nullable String text) {
            if (text != null) {
                out.append("comment ").append(type).append(' ').append(name).append(' ').append(text).append('\n');
            }
        }

        @Override
        public void securityLabels(String type, String name, @Nullable String namespace, @Nullable String owner) {
            // the labels are the catalog's, not the types': the TOC assembler finds them (SecLabelCompatIT)
        }

        @Override
        public void acl(String type, String name, @Nullable String namespace, Ownership ownership) {
            out.append("acl ").append(type).append(' ').append(name).append(' ').append(ownership.acl())
                    .append('\n');
        }

        @Override
        public void columnAcl(String type, String table, String column, @Nullable String namespace,
                Ownership ownership) {
            out.append("column acl ").append(table).append('.').append(column).append(' ').append(ownership.acl())
                    .append('\n');
        }

        @Override
        public boolean inline(ObjectId part) {
            return true;
        }
    }
}
