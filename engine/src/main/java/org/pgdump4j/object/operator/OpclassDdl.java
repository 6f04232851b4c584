package org.pgdump4j.object.operator;

import java.util.List;
import org.pgdump4j.model.QualifiedName;
import org.pgdump4j.model.operator.OpMember;
import org.pgdump4j.model.operator.OperatorClass;
import org.pgdump4j.model.operator.OperatorFamily;
import org.pgdump4j.sql.Sql;

/** What pg_dump's dumpOpclass and dumpOpfamily write: pure text, no server. */
public final class OpclassDdl {
    private static final String SEPARATOR = " ,\n    ";

    private OpclassDdl() {
    }

    /** {@code name USING am}, as COMMENT names a class or family (after its schema). */
    public static String nameUsing(String name, String accessMethod) {
        return Sql.ident(name) + " USING " + Sql.ident(accessMethod);
    }

    public static String createClass(OperatorClass c) {
        StringBuilder q = new StringBuilder("CREATE OPERATOR CLASS ").append(Sql.qualified(c.schema(), c.name()))
                .append("\n    ");
        if (c.isDefault()) {
            q.append("DEFAULT ");
        }
        q.append("FOR TYPE ").append(c.type()).append(" USING ").append(Sql.ident(c.accessMethod()));
        if (c.family() != null) {
            q.append(" FAMILY ").append(qualified(c.family()));
        }
        q.append(" AS\n    ");
        boolean any = false;
        if (c.storage() != null) {
            q.append("STORAGE ").append(c.storage());
            any = true;
        }
        for (OpMember m : c.members()) {
            if (any) {
                q.append(SEPARATOR);
            }
            member(q, m);
            any = true;
        }
        // nothing after AS would not parse: a STORAGE of the input type is a no-op that does
        if (!any) {
            q.append("STORAGE ").append(c.type());
        }
        return q.append(";\n").toString();
    }

    public static String dropClass(OperatorClass c) {
        return "DROP OPERATOR CLASS " + Sql.qualified(c.schema(), c.name()) + " USING " + Sql.ident(c.accessMethod())
                + ";\n";
    }

    public static String createFamily(OperatorFamily f) {
        String head = Sql.qualified(f.schema(), f.name()) + " USING " + Sql.ident(f.accessMethod());
        StringBuilder q = new StringBuilder("CREATE OPERATOR FAMILY ").append(head).append(";\n");
        List<OpMember> members = f.looseMembers();
        if (!members.isEmpty()) {
            q.append("ALTER OPERATOR FAMILY ").append(head).append(" ADD\n    ");
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    q.append(SEPARATOR);
                }
                member(q, members.get(i));
            }
            q.append(";\n");
        }
        return q.toString();
    }

    public static String dropFamily(OperatorFamily f) {
        return "DROP OPERATOR FAMILY " + Sql.qualified(f.schema(), f.name()) + " USING "
                + Sql.ident(f.accessMethod()) + ";\n";
    }

    /** pg_dump prints a function's operand types in classes and families alike (regtype text is never empty). */
    private static void member(StringBuilder q, OpMember m) {
        if (m instanceof OpMember.Op op) {
            q.append("OPERATOR ").append(op.strategy()).append(' ').append(op.operator());
            if (op.sortFamily() != null) {
                q.append(" FOR ORDER BY ").append(qualified(op.sortFamily()));
            }
        } else if (m instanceof OpMember.Proc p) {
            q.append("FUNCTION ").append(p.number()).append(" (").append(p.leftType()).append(", ")
                    .append(p.rightType()).append(") ").append(p.function());
        }
    }

    private static String qualified(QualifiedName n) {
        return Sql.qualified(n.schema(), n.name());
    }
}
