package org.pgdump4j.object.collation;

import org.pgdump4j.PgDumpException;
import org.pgdump4j.model.collation.Collation;
import org.pgdump4j.sql.Sql;

/**
 * The SQL pg_dump's dumpCollation writes, byte for byte: the provider, {@code deterministic = false} when so, then
 * the locale as the provider keeps it (libc: one {@code locale} when LC_COLLATE equals LC_CTYPE, else both), ICU
 * rules. The collation version is left out, so the restoring server records its own (pg_dump writes it only for
 * binary upgrades).
 */
public final class CollationDdl {
    private CollationDdl() {
    }

    public static String create(Collation c) {
        StringBuilder sb = new StringBuilder("CREATE COLLATION ").append(Sql.qualified(c.schema(), c.name()))
                .append(" (provider = ");
        sb.append(switch (c.provider()) {
            case 'b' -> "builtin";
            case 'c' -> "libc";
            case 'i' -> "icu";
            // the database default: only in pg_catalog, which is never dumped; not accepted on input
            case 'd' -> "default";
            default -> throw new PgDumpException("unrecognized collation provider: " + c.provider());
        });
        if (!c.deterministic()) {
            sb.append(", deterministic = false");
        }
        switch (c.provider()) {
            case 'b' -> option(sb, "locale", c.locale());
            case 'i' -> {
                option(sb, "locale", c.locale());
                if (c.icuRules() != null) {
                    option(sb, "rules", c.icuRules());
                }
            }
            case 'c' -> {
                if (c.collate() != null && c.collate().equals(c.ctype())) {
                    option(sb, "locale", c.collate());
                } else {
                    option(sb, "lc_collate", c.collate());
                    option(sb, "lc_ctype", c.ctype());
                }
            }
            default -> {
            }
        }
        return sb.append(");\n").toString();
    }

    public static String drop(Collation c) {
        return "DROP COLLATION " + Sql.qualified(c.schema(), c.name()) + ";\n";
    }

    /** A missing value is written as '' (pg_dump warns of such an invalid collation and goes on). */
    private static void option(StringBuilder sb, String name, String value) {
        sb.append(", ").append(name).append(" = ").append(Sql.literal(value == null ? "" : value));
    }
}
