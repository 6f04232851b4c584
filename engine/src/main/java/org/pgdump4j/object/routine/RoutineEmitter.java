package org.pgdump4j.object.routine;

import org.pgdump4j.model.routine.Aggregate;
import org.pgdump4j.model.routine.Routine;
import org.pgdump4j.toc.EntryKind;
import org.pgdump4j.toc.EntrySink;

/** The entries of a routine or an aggregate, in the order dumpFunc and dumpAgg write them. */
public final class RoutineEmitter {
    private RoutineEmitter() {
    }

    public static void routine(Routine r, EntrySink sink) {
        String owner = r.ownership().owner();
        String identity = RoutineDdl.identity(r.signature());
        sink.definition(r.isProcedure() ? EntryKind.PROCEDURE : EntryKind.FUNCTION, RoutineDdl.tag(r.signature()),
                r.schema(), owner, RoutineDdl.create(r, sink.dollarQuoting()), RoutineDdl.drop(r));
        sink.comment(r.keyword(), identity, r.schema(), owner, r.comment());
        sink.securityLabels(r.keyword(), identity, r.schema(), owner);
        sink.acl(r.keyword(), identity, r.schema(), r.ownership());
    }

    public static void aggregate(Aggregate a, EntrySink sink) {
        String owner = a.ownership().owner();
        sink.definition(EntryKind.AGGREGATE, AggregateDdl.tag(a.signature()), a.schema(), owner,
                AggregateDdl.create(a), AggregateDdl.drop(a));
        sink.comment("AGGREGATE", AggregateDdl.identity(a.signature()), a.schema(), owner, a.comment());
        sink.securityLabels("AGGREGATE", AggregateDdl.identity(a.signature()), a.schema(), owner);
        // no GRANT ON AGGREGATE: pg_dump grants on it as a FUNCTION
        sink.acl("FUNCTION", AggregateDdl.aclName(a.signature()), a.schema(), a.ownership());
    }
}
