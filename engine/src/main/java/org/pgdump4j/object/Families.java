package org.pgdump4j.object;

import java.util.ArrayList;
import java.util.List;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.cast.Cast;
import org.pgdump4j.model.extension.Extension;
import org.pgdump4j.model.language.ProcLanguage;
import org.pgdump4j.model.transform.Transform;
import org.pgdump4j.object.cast.CastEmitter;
import org.pgdump4j.object.cast.CastReader;
import org.pgdump4j.object.extension.ExtensionEmitter;
import org.pgdump4j.object.extension.ExtensionReader;
import org.pgdump4j.object.language.ProcLanguageEmitter;
import org.pgdump4j.object.language.ProcLanguageReader;
import org.pgdump4j.object.transform.TransformEmitter;
import org.pgdump4j.object.transform.TransformReader;
import org.pgdump4j.toc.EntrySink;
import org.pgdump4j.toc.FamilyEmitter;

/**
 * The object families beyond schemas and relations, one package each ({@code object.routine},
 * {@code object.type}...), each holding its reader (pg_dump's getXxx), its DDL (dumpXxx's text) and its
 * emitter. This class only lists them: the readers in pg_dump's getSchemaData order, the emitters in a switch
 * that names every {@link org.pgdump4j.model.ObjectKind}, so a kind nobody emits does not compile.
 */
public final class Families implements FamilyReader, FamilyEmitter {
    public static final Families INSTANCE = new Families();

    private static final List<FamilyReader> READERS = List.of(
            new ExtensionReader(),
            new ProcLanguageReader(),
            new CastReader(),
            new TransformReader()
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

    @Override
    public void emit(FamilyObject o, EntrySink sink) {
        switch (o.kind()) {
            // schemas and relations (and their data, constraints, indexes) are written by the TOC builder
            case NAMESPACE, TABLE, ATTRDEF, INDEX, CONSTRAINT, FK_CONSTRAINT, RULE, TABLE_DATA, SEQUENCE_SET,
                    LARGE_OBJECT, LARGE_OBJECT_DATA, PRE_DATA_BOUNDARY, POST_DATA_BOUNDARY ->
                    throw new IllegalStateException(o.kind() + " is not a family object");
            // not dumped yet: the completeness guard refuses a dump that holds any
            case EXTENSION -> ExtensionEmitter.emit((Extension) o, sink);
            case TYPE, SHELL_TYPE, DUMMY_TYPE -> notYet(o);
            case FUNC, AGG -> notYet(o);
            case PROCLANG -> ProcLanguageEmitter.emit((ProcLanguage) o, sink);
            case CAST -> CastEmitter.emit((Cast) o, sink);
            case TRANSFORM -> TransformEmitter.emit((Transform) o, sink);
            case OPERATOR -> notYet(o);
            case ACCESS_METHOD -> notYet(o);
            case OPCLASS, OPFAMILY -> notYet(o);
            case COLLATION -> notYet(o);
            case CONVERSION -> notYet(o);
            case TSPARSER, TSDICT, TSTEMPLATE, TSCONFIG -> notYet(o);
            case TABLE_ATTACH, INDEX_ATTACH, STATSEXT, TRIGGER, FDW, FOREIGN_SERVER, DEFAULT_ACL, EVENT_TRIGGER,
                    REFRESH_MATVIEW, POLICY, PUBLICATION, PUBLICATION_REL, PUBLICATION_TABLE_IN_SCHEMA, REL_STATS,
                    SUBSCRIPTION, SUBSCRIPTION_REL -> notYet(o);
        }
    }

    private static void notYet(FamilyObject o) {
        throw new IllegalStateException("no entries are written for " + o.kind() + " objects yet");
    }
}
