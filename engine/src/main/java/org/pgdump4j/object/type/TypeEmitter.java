package org.pgdump4j.object.type;

import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.type.DomainConstraint;
import org.pgdump4j.model.type.ShellType;
import org.pgdump4j.model.type.TypeBody;
import org.pgdump4j.model.type.UserType;
import org.pgdump4j.sql.Sql;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** pg_dump's dumpType (and the dumpXxxType it calls), dumpShellType, and dumpConstraint for a domain's CHECK. */
public final class TypeEmitter {
    private TypeEmitter() {
    }

    public static void emit(FamilyObject o, EntrySink sink) {
        if (o instanceof UserType t) {
            type(t, sink);
        } else if (o instanceof ShellType s) {
            sink.definition(EntryKind.SHELL_TYPE, s.name(), s.schema(), s.owner(),
                    TypeDdl.createShell(s.schema(), s.name()), "");
        } else if (o instanceof DomainConstraint c) {
            domainConstraint(c, sink);
        } else {
            throw new IllegalStateException("not a type family object: " + o.kind());
        }
    }

    private static void type(UserType t, EntrySink sink) {
        String owner = t.ownership().owner();
        String q = Sql.ident(t.name());
        TypeBody body = t.body();
        if (body instanceof TypeBody.NotRead) {
            // a type whose definition is not dumped: only its privileges can be
            sink.acl("TYPE", q, t.schema(), t.ownership());
            return;
        }
        if (body instanceof TypeBody.Domain d) {
            sink.definition(EntryKind.DOMAIN, t.name(), t.schema(), owner,
                    TypeDdl.createDomain(t, d, c -> c.validated() && sink.inline(c.id())), TypeDdl.dropDomain(t));
        } else {
            sink.definition(EntryKind.TYPE, t.name(), t.schema(), owner, create(t), body instanceof TypeBody.Base
                    ? TypeDdl.dropBase(t) : TypeDdl.dropType(t));
        }
        String type = body instanceof TypeBody.Domain ? "DOMAIN" : "TYPE";
        sink.comment(type, q, t.schema(), owner, t.comment());
        // a composite type's attributes' labels (on its pg_class row) are not dumped: pg_dump reads none
        sink.securityLabels(type, q, t.schema(), owner);
        // pg_dump writes every type's privileges, a domain's too, as TYPE
        sink.acl("TYPE", q, t.schema(), t.ownership());
        if (body instanceof TypeBody.Composite c) {
            for (TypeBody.Attribute a : c.attributes()) {
                sink.comment("COLUMN", q + "." + Sql.ident(a.name()), t.schema(), owner, a.comment());
            }
        } else if (body instanceof TypeBody.Domain d) {
            // the inline checks' comments (a separate check writes its own), then the NOT NULL's
            for (TypeBody.DomainCheck c : d.checks()) {
                if (c.validated() && sink.inline(c.id())) {
                    sink.comment("CONSTRAINT " + Sql.ident(c.name()) + " ON DOMAIN", q, t.schema(), owner,
                            c.comment());
                }
            }
            if (d.notNull() != null && d.notNull().name() != null) {
                sink.comment("CONSTRAINT " + Sql.ident(d.notNull().name()) + " ON DOMAIN", q, t.schema(), owner,
                        d.notNull().comment());
            }
        }
    }

    private static String create(UserType t) {
        TypeBody body = t.body();
        if (body instanceof TypeBody.Enumerated e) {
            return TypeDdl.createEnum(t, e);
        } else if (body instanceof TypeBody.Composite c) {
            return TypeDdl.createComposite(t, c);
        } else if (body instanceof TypeBody.Range r) {
            return TypeDdl.createRange(t, r);
        } else if (body instanceof TypeBody.Base b) {
            return TypeDdl.createBase(t, b);
        } else if (body instanceof TypeBody.Undefined) {
            return TypeDdl.createShell(t.schema(), t.name());
        }
        throw new IllegalStateException("no CREATE for " + body);
    }

    private static void domainConstraint(DomainConstraint c, EntrySink sink) {
        sink.definition(EntryKind.CHECK_CONSTRAINT, c.domainName() + " " + c.name(), c.schema(), c.owner(),
                TypeDdl.addDomainConstraint(c), TypeDdl.dropDomainConstraint(c));
        sink.comment("CONSTRAINT " + Sql.ident(c.name()) + " ON DOMAIN", Sql.ident(c.domainName()), c.schema(),
                c.owner(), c.comment());
    }
}
