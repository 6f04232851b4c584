package org.pgdump4j.object.operator;

import org.pgdump4j.model.Components;
import org.pgdump4j.model.operator.AccessMethod;
import org.pgdump4j.model.operator.Operator;
import org.pgdump4j.model.operator.OperatorClass;
import org.pgdump4j.model.operator.OperatorFamily;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/**
 * The entries of operators, access methods, operator classes and families, as pg_dump's dumpOpr,
 * dumpAccessMethod, dumpOpclass and dumpOpfamily write them: the definition, then the comment (none of these has
 * privileges).
 */
public final class OperatorEmitter {
    private OperatorEmitter() {
    }

    public static void operator(Operator o, EntrySink sink) {
        if (o.isShell()) {
            return; // made by a forward COMMUTATOR/NEGATOR reference and never defined: pg_dump skips it
        }
        // an operator has no privileges: pg_dump skips one asked only for its ACL (pg_catalog's, before 14) before
        // dumpOpr could warn. It names the function as oprcode::regprocedure prints it, its argument the left operand.
        if (o.oprKind() == 'r'
                && (o.components().has(Components.DEFINITION) || o.components().has(Components.COMMENT))) {
            sink.warning("postfix operators are not supported anymore (operator \"" + o.function() + "("
                    + o.leftType() + ")\")");
        }
        sink.definition(EntryKind.OPERATOR, o.name(), o.schema(), o.owner(), OperatorDdl.create(o),
                OperatorDdl.drop(o));
        sink.comment("OPERATOR", OperatorDdl.signature(o), o.schema(), o.owner(), o.comment());
    }

    public static void accessMethod(AccessMethod am, EntrySink sink) {
        String create = AccessMethodDdl.create(am);
        if (create == null) {
            return; // an access method type pg_dump 18 does not know: it warns and writes nothing
        }
        sink.definition(EntryKind.ACCESS_METHOD, am.name(), null, null, create, AccessMethodDdl.drop(am));
        sink.comment("ACCESS METHOD", Sql.ident(am.name()), null, "", am.comment());
    }

    public static void operatorClass(OperatorClass c, EntrySink sink) {
        sink.definition(EntryKind.OPERATOR_CLASS, c.name(), c.schema(), c.owner(), OpclassDdl.createClass(c),
                OpclassDdl.dropClass(c));
        sink.comment("OPERATOR CLASS", OpclassDdl.nameUsing(c.name(), c.accessMethod()), c.schema(), c.owner(),
                c.comment());
    }

    public static void operatorFamily(OperatorFamily f, EntrySink sink) {
        sink.definition(EntryKind.OPERATOR_FAMILY, f.name(), f.schema(), f.owner(), OpclassDdl.createFamily(f),
                OpclassDdl.dropFamily(f));
        sink.comment("OPERATOR FAMILY", OpclassDdl.nameUsing(f.name(), f.accessMethod()), f.schema(), f.owner(),
                f.comment());
    }
}
