package org.pgdump4j.model;

/**
 * pg_dump 18's dumpable object types (pg_dump.h's DumpableObjectType, in its order, which breaks ties in the
 * sort) with the sort priority pg_dump_sort.c gives each (dbObjectTypePriority). The sort orders objects by
 * priority, then schema, then name, then this enum's order.
 */
public enum ObjectKind {
    NAMESPACE(Priority.NAMESPACE),
    EXTENSION(Priority.EXTENSION),
    TYPE(Priority.TYPE),
    SHELL_TYPE(Priority.TYPE),
    FUNC(Priority.FUNC),
    AGG(Priority.AGG),
    OPERATOR(Priority.OPERATOR),
    ACCESS_METHOD(Priority.ACCESS_METHOD),
    OPCLASS(Priority.OPFAMILY),
    OPFAMILY(Priority.OPFAMILY),
    COLLATION(Priority.COLLATION),
    CONVERSION(Priority.CONVERSION),
    /** Tables, views, materialized views, foreign tables and sequences alike. */
    TABLE(Priority.TABLE),
    TABLE_ATTACH(Priority.TABLE_ATTACH),
    ATTRDEF(Priority.ATTRDEF),
    INDEX(Priority.INDEX),
    INDEX_ATTACH(Priority.INDEX_ATTACH),
    STATSEXT(Priority.STATSEXT),
    RULE(Priority.RULE),
    TRIGGER(Priority.TRIGGER),
    CONSTRAINT(Priority.CONSTRAINT),
    FK_CONSTRAINT(Priority.FK_CONSTRAINT),
    PROCLANG(Priority.PROCLANG),
    CAST(Priority.CAST),
    TABLE_DATA(Priority.TABLE_DATA),
    SEQUENCE_SET(Priority.SEQUENCE_SET),
    /** A relation's row type: a sort node for dependencies, never an entry. */
    DUMMY_TYPE(Priority.DUMMY_TYPE),
    TSPARSER(Priority.TSPARSER),
    TSDICT(Priority.TSDICT),
    TSTEMPLATE(Priority.TSTEMPLATE),
    TSCONFIG(Priority.TSCONFIG),
    FDW(Priority.FDW),
    FOREIGN_SERVER(Priority.FOREIGN_SERVER),
    DEFAULT_ACL(Priority.DEFAULT_ACL),
    TRANSFORM(Priority.TRANSFORM),
    LARGE_OBJECT(Priority.LARGE_OBJECT),
    LARGE_OBJECT_DATA(Priority.LARGE_OBJECT_DATA),
    PRE_DATA_BOUNDARY(Priority.PRE_DATA_BOUNDARY),
    POST_DATA_BOUNDARY(Priority.POST_DATA_BOUNDARY),
    EVENT_TRIGGER(Priority.EVENT_TRIGGER),
    REFRESH_MATVIEW(Priority.REFRESH_MATVIEW),
    POLICY(Priority.POLICY),
    PUBLICATION(Priority.PUBLICATION),
    PUBLICATION_REL(Priority.PUBLICATION_REL),
    PUBLICATION_TABLE_IN_SCHEMA(Priority.PUBLICATION_TABLE_IN_SCHEMA),
    REL_STATS(Priority.STATISTICS_DATA_DATA),
    SUBSCRIPTION(Priority.SUBSCRIPTION),
    SUBSCRIPTION_REL(Priority.SUBSCRIPTION_REL);

    /** pg_dump_sort.c's priorities, in rank order (rank = ordinal + 1). */
    private enum Priority {
        NAMESPACE, PROCLANG, COLLATION, TRANSFORM, EXTENSION, TYPE, CAST, FUNC, AGG, ACCESS_METHOD, OPERATOR,
        OPFAMILY, CONVERSION, TSPARSER, TSTEMPLATE, TSDICT, TSCONFIG, FDW, FOREIGN_SERVER, TABLE, TABLE_ATTACH,
        DUMMY_TYPE, ATTRDEF, PRE_DATA_BOUNDARY, TABLE_DATA, SEQUENCE_SET, LARGE_OBJECT, LARGE_OBJECT_DATA,
        STATISTICS_DATA_DATA, POST_DATA_BOUNDARY, CONSTRAINT, INDEX, INDEX_ATTACH, STATSEXT, RULE, TRIGGER,
        FK_CONSTRAINT, POLICY, PUBLICATION, PUBLICATION_REL, PUBLICATION_TABLE_IN_SCHEMA, SUBSCRIPTION,
        SUBSCRIPTION_REL, DEFAULT_ACL, EVENT_TRIGGER, REFRESH_MATVIEW
    }

    private final Priority priority;

    ObjectKind(Priority priority) {
        this.priority = priority;
    }

    /** pg_dump_sort.c's rank: 1 for schemas up to 46 for materialized view refreshes. */
    public int priority() {
        return priority.ordinal() + 1;
    }
}
