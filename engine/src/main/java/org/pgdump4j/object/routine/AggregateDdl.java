package org.pgdump4j.object.routine;

import org.pgdump4j.model.routine.Aggregate;
import org.pgdump4j.model.routine.Signature;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpAgg writes for an aggregate, byte for byte. Pure. */
public final class AggregateDdl {
    private AggregateDdl() {
    }

    /** The TOC tag (format_aggregate_signature without quotes): {@code name(integer)}, {@code name(*)}. */
    public static String tag(Signature s) {
        return s.name() + (s.argTypes().isEmpty() ? "(*)" : "(" + RoutineDdl.argTypeList(s.argTypes()) + ")");
    }

    /** The name COMMENT and DROP use: the identity arguments, {@code (*)} for none. */
    public static String identity(Signature s) {
        return Sql.ident(s.name()) + (s.argTypes().isEmpty() ? "(*)" : "(" + s.identityArguments() + ")");
    }

    /**
     * The name GRANT uses: there is no GRANT ON AGGREGATE, so pg_dump names it as a function, with every argument
     * type ({@code name()} for none, direct and aggregated arguments alike for ordered-set aggregates).
     */
    public static String aclName(Signature s) {
        return Sql.ident(s.name()) + "(" + RoutineDdl.argTypeList(s.argTypes()) + ")";
    }

    public static String drop(Aggregate a) {
        return "DROP AGGREGATE " + Sql.ident(a.schema()) + "." + identity(a.signature()) + ";\n";
    }

    public static String create(Aggregate a) {
        Signature s = a.signature();
        StringBuilder d = new StringBuilder(256);
        d.append("    SFUNC = ").append(a.transFn()).append(",\n    STYPE = ").append(a.transType());
        if (a.transSpace() != 0) {
            d.append(",\n    SSPACE = ").append(a.transSpace());
        }
        if (a.initCond() != null) {
            d.append(",\n    INITCOND = ").append(Sql.literal(a.initCond()));
        }
        appendFinal(d, "", a.finalFn(), a.defaultModify());
        if (a.combineFn() != null) {
            d.append(",\n    COMBINEFUNC = ").append(a.combineFn());
        }
        if (a.serialFn() != null) {
            d.append(",\n    SERIALFUNC = ").append(a.serialFn());
        }
        if (a.deserialFn() != null) {
            d.append(",\n    DESERIALFUNC = ").append(a.deserialFn());
        }
        Aggregate.Moving m = a.moving();
        if (m != null) {
            d.append(",\n    MSFUNC = ").append(m.transFn()).append(",\n    MINVFUNC = ").append(m.invTransFn())
                    .append(",\n    MSTYPE = ").append(m.transType());
            if (m.transSpace() != 0) {
                d.append(",\n    MSSPACE = ").append(m.transSpace());
            }
            if (m.initCond() != null) {
                d.append(",\n    MINITCOND = ").append(Sql.literal(m.initCond()));
            }
            appendFinal(d, "M", m.finalFn(), a.defaultModify());
        }
        if (a.sortOp() != null) {
            d.append(",\n    SORTOP = ").append(a.sortOp());
        }
        if (a.aggKind() == 'h') {
            d.append(",\n    HYPOTHETICAL");
        }
        if (a.parallel() == 's') {
            d.append(",\n    PARALLEL = safe");
        } else if (a.parallel() == 'r') {
            d.append(",\n    PARALLEL = restricted");
        }
        String args = s.argTypes().isEmpty() ? "(*)" : "(" + s.arguments() + ")";
        return "CREATE AGGREGATE " + Sql.ident(a.schema()) + "." + Sql.ident(s.name()) + args + " (\n" + d
                + "\n);\n";
    }

    private static void appendFinal(StringBuilder d, String prefix, Aggregate.Final f, char defaultModify) {
        if (f == null) {
            return;
        }
        d.append(",\n    ").append(prefix).append("FINALFUNC = ").append(f.fn());
        if (f.extra()) {
            d.append(",\n    ").append(prefix).append("FINALFUNC_EXTRA");
        }
        if (f.modify() != defaultModify) {
            d.append(",\n    ").append(prefix).append("FINALFUNC_MODIFY = ").append(switch (f.modify()) {
                case 'r' -> "READ_ONLY";
                case 's' -> "SHAREABLE";
                case 'w' -> "READ_WRITE";
                default -> throw new IllegalArgumentException("unrecognized aggfinalmodify value " + f.modify());
            });
        }
    }
}
