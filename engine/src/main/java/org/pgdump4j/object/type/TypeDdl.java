package org.pgdump4j.object.type;

import java.util.function.Predicate;
import org.pgdump4j.model.type.DomainConstraint;
import org.pgdump4j.model.type.TypeBody;
import org.pgdump4j.model.type.UserType;
import org.pgdump4j.sql.Sql;

/** The SQL pg_dump 18's dumpBaseType, dumpEnumType, dumpCompositeType, dumpRangeType, dumpDomain... write. Pure. */
public final class TypeDdl {
    private TypeDdl() {
    }

    static String qualified(UserType t) {
        return Sql.qualified(t.schema(), t.name());
    }

    public static String createEnum(UserType t, TypeBody.Enumerated e) {
        StringBuilder q = new StringBuilder("CREATE TYPE ").append(qualified(t)).append(" AS ENUM (");
        for (int i = 0; i < e.labels().size(); i++) {
            q.append(i > 0 ? "," : "").append("\n    ").append(Sql.literal(e.labels().get(i)));
        }
        return q.append("\n);\n").toString();
    }

    public static String createComposite(UserType t, TypeBody.Composite c) {
        StringBuilder q = new StringBuilder("CREATE TYPE ").append(qualified(t)).append(" AS (");
        for (int i = 0; i < c.attributes().size(); i++) {
            TypeBody.Attribute a = c.attributes().get(i);
            q.append(i > 0 ? "," : "").append("\n\t").append(Sql.ident(a.name())).append(' ').append(a.type());
            if (a.collation() != null) {
                q.append(" COLLATE ").append(a.collation());
            }
        }
        return q.append("\n);\n").toString();
    }

    public static String createRange(UserType t, TypeBody.Range r) {
        StringBuilder q = new StringBuilder("CREATE TYPE ").append(qualified(t)).append(" AS RANGE (")
                .append("\n    subtype = ").append(r.subtype());
        option(q, "multirange_type_name", r.multirange());
        option(q, "subtype_opclass", r.opclass());
        option(q, "collation", r.collation());
        option(q, "canonical", r.canonical());
        option(q, "subtype_diff", r.subtypeDiff());
        return q.append("\n);\n").toString();
    }

    private static void option(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append(",\n    ").append(name).append(" = ").append(value);
        }
    }

    /** @param inline whether each check is written here (validated, and not moved out by the sort) */
    public static String createDomain(UserType t, TypeBody.Domain d, Predicate<TypeBody.DomainCheck> inline) {
        StringBuilder q = new StringBuilder("CREATE DOMAIN ").append(qualified(t)).append(" AS ").append(d.baseType());
        if (d.collation() != null) {
            q.append(" COLLATE ").append(d.collation());
        }
        if (d.notNull() != null) {
            // a name other than the one the server would choose is kept
            String name = d.notNull().name();
            q.append(name == null || name.equals(t.name() + "_not_null") ? " NOT NULL"
                    : " CONSTRAINT " + Sql.ident(name) + " NOT NULL");
        }
        if (d.defaultValue() != null) {
            q.append(" DEFAULT ").append(d.defaultValue());
        }
        for (TypeBody.DomainCheck c : d.checks()) {
            if (inline.test(c)) {
                q.append("\n\tCONSTRAINT ").append(Sql.ident(c.name())).append(' ').append(c.definition());
            }
        }
        return q.append(";\n").toString();
    }

    public static String dropDomain(UserType t) {
        return "DROP DOMAIN " + qualified(t) + ";\n";
    }

    /** Enum, composite, range and undefined types; a base type drops with CASCADE (see {@link #dropBase}). */
    public static String dropType(UserType t) {
        return "DROP TYPE " + qualified(t) + ";\n";
    }

    /** CASCADE: the type and its I/O functions depend on each other, so nothing else drops them. */
    public static String dropBase(UserType t) {
        return "DROP TYPE " + qualified(t) + " CASCADE;\n";
    }

    /** An undefined type, and the shell written ahead of a base type's I/O functions. */
    public static String createShell(String schema, String name) {
        return "CREATE TYPE " + Sql.qualified(schema, name) + ";\n";
    }

    public static String createBase(UserType t, TypeBody.Base b) {
        StringBuilder q = new StringBuilder("CREATE TYPE ").append(qualified(t)).append(" (\n    INTERNALLENGTH = ")
                .append(b.length() == -1 ? "variable" : Integer.toString(b.length()));
        q.append(",\n    INPUT = ").append(b.input());
        q.append(",\n    OUTPUT = ").append(b.output());
        item(q, "RECEIVE", b.receive());
        item(q, "SEND", b.send());
        item(q, "TYPMOD_IN", b.typmodIn());
        item(q, "TYPMOD_OUT", b.typmodOut());
        item(q, "ANALYZE", b.analyze());
        if (b.collatable()) {
            q.append(",\n    COLLATABLE = true");
        }
        item(q, "DEFAULT", b.defaultValue());
        item(q, "SUBSCRIPT", b.subscript());
        item(q, "ELEMENT", b.element());
        if (b.category() != 'U') {
            q.append(",\n    CATEGORY = ").append(Sql.literal(String.valueOf(b.category())));
        }
        if (b.preferred()) {
            q.append(",\n    PREFERRED = true");
        }
        if (b.delimiter() != ',') {
            q.append(",\n    DELIMITER = ").append(Sql.literal(String.valueOf(b.delimiter())));
        }
        switch (b.align()) {
            case 'c' -> q.append(",\n    ALIGNMENT = char");
            case 's' -> q.append(",\n    ALIGNMENT = int2");
            case 'i' -> q.append(",\n    ALIGNMENT = int4");
            case 'd' -> q.append(",\n    ALIGNMENT = double");
            default -> {
            }
        }
        switch (b.storage()) {
            case 'p' -> q.append(",\n    STORAGE = plain");
            case 'e' -> q.append(",\n    STORAGE = external");
            case 'x' -> q.append(",\n    STORAGE = extended");
            case 'm' -> q.append(",\n    STORAGE = main");
            default -> {
            }
        }
        if (b.byValue()) {
            q.append(",\n    PASSEDBYVALUE");
        }
        return q.append("\n);\n").toString();
    }

    private static void item(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append(",\n    ").append(name).append(" = ").append(value);
        }
    }

    /** A domain CHECK constraint written on its own (NOT VALID, or moved out of a loop). */
    public static String addDomainConstraint(DomainConstraint c) {
        return "ALTER DOMAIN " + Sql.qualified(c.schema(), c.domainName()) + "\n    ADD CONSTRAINT "
                + Sql.ident(c.name()) + " " + c.definition() + ";\n";
    }

    public static String dropDomainConstraint(DomainConstraint c) {
        return "ALTER DOMAIN " + Sql.qualified(c.schema(), c.domainName()) + " DROP CONSTRAINT "
                + Sql.ident(c.name()) + ";\n";
    }
}
