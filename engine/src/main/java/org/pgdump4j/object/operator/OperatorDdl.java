package org.pgdump4j.object.operator;

import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.operator.Operator;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpOpr writes for an operator: pure text, no server. */
public final class OperatorDdl {
    private OperatorDdl() {
    }

    /** The operator's name and operand types as COMMENT and DROP name it: {@code === (integer, NONE)}. */
    public static String signature(Operator o) {
        return o.name() + " (" + (o.leftType() == null ? "NONE" : o.leftType()) + ", "
                + (o.rightType() == null ? "NONE" : o.rightType()) + ")";
    }

    public static String create(Operator o) {
        if (o.function() == null) {
            throw new IllegalArgumentException("shell operator " + o.name() + " has no definition");
        }
        StringBuilder d = new StringBuilder("    FUNCTION = ").append(o.function());
        if (o.leftType() != null) {
            d.append(",\n    LEFTARG = ").append(o.leftType());
        }
        if (o.rightType() != null) {
            d.append(",\n    RIGHTARG = ").append(o.rightType());
        }
        if (o.commutator() != null) {
            d.append(",\n    COMMUTATOR = ").append(reference(o.commutator()));
        }
        if (o.negator() != null) {
            d.append(",\n    NEGATOR = ").append(reference(o.negator()));
        }
        if (o.merges()) {
            d.append(",\n    MERGES");
        }
        if (o.hashes()) {
            d.append(",\n    HASHES");
        }
        if (o.restrict() != null) {
            d.append(",\n    RESTRICT = ").append(o.restrict());
        }
        if (o.join() != null) {
            d.append(",\n    JOIN = ").append(o.join());
        }
        return "CREATE OPERATOR " + Sql.ident(o.schema()) + "." + o.name() + " (\n" + d + "\n);\n";
    }

    public static String drop(Operator o) {
        return "DROP OPERATOR " + Sql.ident(o.schema()) + "." + signature(o) + ";\n";
    }

    /** An operator named where its operand types follow from the context: always schema-qualified. */
    static String reference(QualifiedName op) {
        return "OPERATOR(" + Sql.ident(op.schema()) + "." + op.name() + ")";
    }

    /** The function name of a regprocedure text: everything before its first '(' outside double quotes. */
    public static String functionName(String regprocedure) {
        boolean quoted = false;
        for (int i = 0; i < regprocedure.length(); i++) {
            char c = regprocedure.charAt(i);
            if (c == '(' && !quoted) {
                return regprocedure.substring(0, i);
            }
            if (c == '"') {
                quoted = !quoted;
            }
        }
        return regprocedure;
    }
}
