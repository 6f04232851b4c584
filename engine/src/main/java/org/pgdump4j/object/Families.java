package org.pgdump4j.object;

import java.util.ArrayList;
import java.util.List;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.index.Index;
import org.pgdump4j.model.largeobject.LargeObjectGroup;
import org.pgdump4j.model.relation.Constraint;
import org.pgdump4j.model.schema.Schema;
import org.pgdump4j.object.index.IndexEmitter;
import org.pgdump4j.object.largeobject.LargeObjectEmitter;
import org.pgdump4j.model.index.IndexAttach;
import org.pgdump4j.model.relation.TableAttach;
import org.pgdump4j.object.relation.PartitionEmitter;
import org.pgdump4j.object.relation.RelationEmitter;
import org.pgdump4j.object.schema.SchemaEmitter;
import org.pgdump4j.model.collation.Collation;
import org.pgdump4j.model.conversion.Conversion;
import org.pgdump4j.model.foreign.ForeignDataWrapper;
import org.pgdump4j.model.foreign.ForeignServer;
import org.pgdump4j.model.textsearch.TsConfig;
import org.pgdump4j.model.textsearch.TsDictionary;
import org.pgdump4j.model.textsearch.TsParser;
import org.pgdump4j.model.textsearch.TsTemplate;
import org.pgdump4j.object.collation.CollationEmitter;
import org.pgdump4j.object.collation.CollationReader;
import org.pgdump4j.object.conversion.ConversionEmitter;
import org.pgdump4j.object.conversion.ConversionReader;
import org.pgdump4j.object.foreign.ForeignEmitter;
import org.pgdump4j.object.foreign.ForeignReader;
import org.pgdump4j.object.textsearch.TextSearchEmitter;
import org.pgdump4j.object.textsearch.TextSearchReader;
import org.pgdump4j.model.operator.AccessMethod;
import org.pgdump4j.model.operator.Operator;
import org.pgdump4j.model.operator.OperatorClass;
import org.pgdump4j.model.operator.OperatorFamily;
import org.pgdump4j.object.operator.AccessMethodReader;
import org.pgdump4j.object.operator.OpclassReader;
import org.pgdump4j.object.operator.OperatorEmitter;
import org.pgdump4j.object.operator.OperatorReader;
import org.pgdump4j.object.operator.OpfamilyReader;
import org.pgdump4j.model.routine.Aggregate;
import org.pgdump4j.model.routine.Routine;
import org.pgdump4j.object.routine.RoutineEmitter;
import org.pgdump4j.object.routine.RoutineReader;
import org.pgdump4j.model.sysacl.CatalogRelation;
import org.pgdump4j.object.sysacl.SystemAclEmitter;
import org.pgdump4j.object.sysacl.SystemAclReader;
import org.pgdump4j.object.type.TypeEmitter;
import org.pgdump4j.object.type.TypeReader;
import org.pgdump4j.model.cast.Cast;
import org.pgdump4j.model.defaultacl.DefaultAcl;
import org.pgdump4j.model.eventtrigger.EventTrigger;
import org.pgdump4j.model.publication.Publication;
import org.pgdump4j.model.publication.PublicationSchema;
import org.pgdump4j.model.publication.PublicationTable;
import org.pgdump4j.model.subscription.Subscription;
import org.pgdump4j.model.extension.Extension;
import org.pgdump4j.model.language.ProcLanguage;
import org.pgdump4j.model.transform.Transform;
import org.pgdump4j.object.cast.CastEmitter;
import org.pgdump4j.object.cast.CastReader;
import org.pgdump4j.object.defaultacl.DefaultAclEmitter;
import org.pgdump4j.object.defaultacl.DefaultAclReader;
import org.pgdump4j.object.eventtrigger.EventTriggerEmitter;
import org.pgdump4j.object.eventtrigger.EventTriggerReader;
import org.pgdump4j.object.publication.PublicationEmitter;
import org.pgdump4j.object.publication.PublicationReader;
import org.pgdump4j.object.subscription.SubscriptionEmitter;
import org.pgdump4j.object.subscription.SubscriptionReader;
import org.pgdump4j.object.extension.ExtensionEmitter;
import org.pgdump4j.object.extension.ExtensionReader;
import org.pgdump4j.object.language.ProcLanguageEmitter;
import org.pgdump4j.object.language.ProcLanguageReader;
import org.pgdump4j.object.transform.TransformEmitter;
import org.pgdump4j.object.transform.TransformReader;
import org.pgdump4j.model.statistics.StatisticsObject;
import org.pgdump4j.object.statistics.StatisticsEmitter;
import org.pgdump4j.object.statistics.StatisticsReader;
import org.pgdump4j.model.trigger.Trigger;
import org.pgdump4j.object.trigger.TriggerEmitter;
import org.pgdump4j.object.trigger.TriggerReader;
import org.pgdump4j.model.rule.Rule;
import org.pgdump4j.object.policy.PolicyEmitter;
import org.pgdump4j.object.policy.PolicyReader;
import org.pgdump4j.object.rule.RuleEmitter;
import org.pgdump4j.object.rule.RuleReader;
import org.pgdump4j.model.relstats.RelStats;
import org.pgdump4j.object.relstats.RelStatsEmitter;
import org.pgdump4j.toc.EntrySink;
import org.pgdump4j.toc.FamilyEmitter;

/**
 * The object families, one package each ({@code object.schema}, {@code object.relation}, {@code object.routine},
 * {@code object.type}...), each holding its reader (pg_dump's getXxx), its DDL (dumpXxx's text) and its emitter.
 * This class only lists them: the readers in pg_dump's getSchemaData order, the emitters in a switch that names
 * every {@link org.pgdump4j.model.ObjectKind}, so a kind nobody emits does not compile. Schemas, relations and
 * large objects are read by {@code catalog.CatalogReader} around the selection (schemas and relations are listed
 * before it, then locked; large objects only when dumped), not here.
 */
public final class Families implements FamilyReader, FamilyEmitter {
    public static final Families INSTANCE = new Families();

    private static final List<FamilyReader> READERS = List.of(
            new SystemAclReader(),
            new ExtensionReader(),
            new ProcLanguageReader(),
            new CastReader(),
            new TransformReader(),
            new TypeReader(),
            new RoutineReader(),
            new CollationReader(),
            new ConversionReader(),
            new TextSearchReader(),
            new ForeignReader(),
            new OperatorReader(), new AccessMethodReader(), new OpclassReader(), new OpfamilyReader(),
            new DefaultAclReader(),
            new EventTriggerReader(),
            new PublicationReader(),
            new SubscriptionReader(),
            new StatisticsReader(), new RuleReader(), new TriggerReader(),
            new PolicyReader()
    );

    private Families() {
    }

    @Override
    public List<FamilyObject> read(ReadContext ctx) {
        List<FamilyObject> out = new ArrayList<>();
        for (FamilyReader r : READERS) {
            out.addAll(r.read(ctx));
        }
        return out;
    }

    /** Each family's reader: they read their own catalogs only. */
    @Override
    public List<FamilyReader> parts() {
        return READERS;
    }

    @Override
    public void emit(FamilyObject o, EntrySink sink) {
        switch (o.kind()) {
            // the TOC assembler's own, standing for no object read: data entries (TABLE DATA, SEQUENCE SET,
            // BLOBS), the sort's fences, and what a loop repair moves out of a relation (a column default, a
            // view's rule), written where the sort put it
            case ATTRDEF, TABLE_DATA, SEQUENCE_SET, LARGE_OBJECT_DATA, PRE_DATA_BOUNDARY, POST_DATA_BOUNDARY ->
                    throw new IllegalStateException(o.kind() + " is not a family object");
            // pg_catalog and its relations are read by object.sysacl, for their changed privileges only
            case NAMESPACE -> {
                if (o instanceof Schema s) {
                    SchemaEmitter.emit(s, sink);
                } else {
                    SystemAclEmitter.emit(o, sink);
                }
            }
            case LARGE_OBJECT -> LargeObjectEmitter.emit((LargeObjectGroup) o, sink);
            case TABLE -> {
                if (o instanceof CatalogRelation) {
                    SystemAclEmitter.emit(o, sink);
                } else {
                    RelationEmitter.relation(o, sink);
                }
            }
            case INDEX -> IndexEmitter.emit((Index) o, sink);
            case FK_CONSTRAINT -> RelationEmitter.constraint((Constraint) o, sink);
            // a table's constraint, or a domain's CHECK written on its own (the types')
            case CONSTRAINT -> {
                if (o instanceof Constraint k) {
                    RelationEmitter.constraint(k, sink);
                } else {
                    TypeEmitter.emit(o, sink);
                }
            }
            case EXTENSION -> ExtensionEmitter.emit((Extension) o, sink);
            case TYPE, SHELL_TYPE -> TypeEmitter.emit(o, sink);
            // array, multirange and row types: references to them fold onto their element, range or table
            case DUMMY_TYPE -> throw new IllegalStateException("DUMMY_TYPE objects are never read");
            case FUNC -> RoutineEmitter.routine((Routine) o, sink);
            case AGG -> RoutineEmitter.aggregate((Aggregate) o, sink);
            case PROCLANG -> ProcLanguageEmitter.emit((ProcLanguage) o, sink);
            case CAST -> CastEmitter.emit((Cast) o, sink);
            case TRANSFORM -> TransformEmitter.emit((Transform) o, sink);
            case OPERATOR -> OperatorEmitter.operator((Operator) o, sink);
            case ACCESS_METHOD -> OperatorEmitter.accessMethod((AccessMethod) o, sink);
            case OPCLASS -> OperatorEmitter.operatorClass((OperatorClass) o, sink);
            case OPFAMILY -> OperatorEmitter.operatorFamily((OperatorFamily) o, sink);
            case COLLATION -> CollationEmitter.emit((Collation) o, sink);
            case CONVERSION -> ConversionEmitter.emit((Conversion) o, sink);
            case TSPARSER -> TextSearchEmitter.parser((TsParser) o, sink);
            case TSTEMPLATE -> TextSearchEmitter.template((TsTemplate) o, sink);
            case TSDICT -> TextSearchEmitter.dictionary((TsDictionary) o, sink);
            case TSCONFIG -> TextSearchEmitter.config((TsConfig) o, sink);
            case DEFAULT_ACL -> DefaultAclEmitter.emit((DefaultAcl) o, sink);
            case EVENT_TRIGGER -> EventTriggerEmitter.emit((EventTrigger) o, sink);
            case PUBLICATION -> PublicationEmitter.publication((Publication) o, sink);
            case PUBLICATION_REL -> PublicationEmitter.table((PublicationTable) o, sink);
            case PUBLICATION_TABLE_IN_SCHEMA -> PublicationEmitter.schema((PublicationSchema) o, sink);
            case SUBSCRIPTION -> SubscriptionEmitter.emit((Subscription) o, sink);
            case FDW -> ForeignEmitter.wrapper((ForeignDataWrapper) o, sink);
            case FOREIGN_SERVER -> ForeignEmitter.server((ForeignServer) o, sink);
            case STATSEXT -> StatisticsEmitter.emit((StatisticsObject) o, sink);
            case TRIGGER -> TriggerEmitter.emit((Trigger) o, sink);
            // a view's ON SELECT rule is the view's (the TOC builder's); every other rule is written on its own
            case RULE -> RuleEmitter.emit((Rule) o, sink);
            // a table's policy, or its ROW SECURITY (row-level security enabled)
            case POLICY -> PolicyEmitter.emit(o, sink);
            case REL_STATS -> RelStatsEmitter.emit((RelStats) o, sink);
            case TABLE_ATTACH -> PartitionEmitter.tableAttach((TableAttach) o, sink);
            case INDEX_ATTACH -> PartitionEmitter.indexAttach((IndexAttach) o, sink);
            // no family objects of these kinds: the TOC builder writes a materialized view's REFRESH (a data entry,
            // as TABLE DATA), and pg_dump writes a subscription's tables only in binary-upgrade mode, which
            // pgdump4j does not have
            case REFRESH_MATVIEW, SUBSCRIPTION_REL -> notFamilyObjects(o);
        }
    }

    private static void notFamilyObjects(FamilyObject o) {
        throw new IllegalStateException("no family object is of kind " + o.kind());
    }
}
