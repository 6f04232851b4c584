package org.pgdump4j.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;

/**
 * What every family reader gets: the connection (inside the dump's snapshot, tables locked), the server's
 * features, and the selection rules that decide each object's {@link Components} once, as pg_dump's
 * selectDumpable* functions do.
 */
public final class ReadContext {
    /** Objects with lower OIDs were made by initdb (FirstNormalObjectId). */
    public static final long FIRST_NORMAL_OID = 16384;
    /** pg_catalog's OID: its objects are not dumped, but their changed privileges are. */
    public static final long PG_CATALOG = 11;

    private final Jdbc jdbc;
    private final ServerFeatures features;
    private final Selector.Selection selection;
    private final boolean includeEverything;
    private final Map<ObjectId, Long> extensionMembers;
    private final Map<Long, ConfigTable> configTables;
    private final boolean publications;
    private final boolean subscriptions;
    private final boolean policies;
    private final boolean toastCompression;
    /** Shared by the copies {@link #on} makes: readers may run on another thread. */
    private final List<String> warnings;
    private final boolean catalogAcls;

    /** An extension's configuration table or sequence (pg_extension_config_dump): its rows are dumped. */
    public record ConfigTable(long extension, String condition) {
    }

    public ReadContext(Jdbc jdbc, ServerFeatures features, Selector.Selection selection, boolean includeEverything) {
        this.jdbc = jdbc;
        this.features = features;
        this.selection = selection;
        this.includeEverything = includeEverything;
        this.extensionMembers = readMembers(jdbc);
        this.configTables = readConfigTables(jdbc);
        this.publications = true;
        this.subscriptions = true;
        this.policies = true;
        this.toastCompression = true;
        this.warnings = new CopyOnWriteArrayList<>();
        this.catalogAcls = catalogAcls(selection, includeEverything);
    }

    private ReadContext(ReadContext of, Jdbc jdbc, boolean publications, boolean subscriptions, boolean policies) {
        this(of, jdbc, publications, subscriptions, policies, of.toastCompression);
    }

    private ReadContext(ReadContext of, Jdbc jdbc, boolean publications, boolean subscriptions, boolean policies,
            boolean toastCompression) {
        this.toastCompression = toastCompression;
        this.jdbc = jdbc;
        this.features = of.features;
        this.selection = of.selection;
        this.includeEverything = of.includeEverything;
        this.extensionMembers = of.extensionMembers;
        this.configTables = of.configTables;
        this.publications = publications;
        this.subscriptions = subscriptions;
        this.policies = policies;
        this.warnings = of.warnings;
        this.catalogAcls = of.catalogAcls;
    }

    /** The same rules reading through {@code other} (a second connection in the same snapshot). */
    ReadContext on(Jdbc other) {
        return new ReadContext(this, other, publications, subscriptions, policies);
    }

    /** The same, reading publications and subscriptions only if asked (pg_dump's --no-publications/-subscriptions). */
    public ReadContext reading(boolean publications, boolean subscriptions) {
        return new ReadContext(this, jdbc, publications, subscriptions, policies);
    }

    /** The same, reading row-level security and policies only if asked (pg_dump's --no-policies). */
    public ReadContext readingPolicies(boolean policies) {
        return new ReadContext(this, jdbc, publications, subscriptions, policies);
    }

    /** The same, reading columns' compression methods only if asked (pg_dump's --no-toast-compression). */
    public ReadContext readingToastCompression(boolean toastCompression) {
        return new ReadContext(this, jdbc, publications, subscriptions, policies, toastCompression);
    }

    /** Whether columns' compression methods are read and so written (not --no-toast-compression). */
    public boolean toastCompression() {
        return toastCompression;
    }

    /** Whether tables' row-level security and policies are read at all (not --no-policies). */
    public boolean policies() {
        return policies;
    }

    /** Whether publications and their tables and schemas are read at all (not --no-publications). */
    public boolean publications() {
        return publications;
    }

    /** Whether subscriptions are read at all (not --no-subscriptions). */
    public boolean subscriptions() {
        return subscriptions;
    }

    /** A warning pg_dump prints while reading (subscriptions a non-superuser cannot read), for the caller to show. */
    public void warn(String message) {
        warnings.add(message);
    }

    /** The warnings of every reader so far, in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public ReadContext(Jdbc jdbc, ServerFeatures features, Set<Long> dumpedSchemas, boolean includeEverything) {
        this(jdbc, features, new Selector.Selection(dumpedSchemas, Set.of()), includeEverything);
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    public ServerFeatures features() {
        return features;
    }

    /** No -n/-t narrows the dump: objects outside schemas (casts, languages...) are dumped. */
    public boolean includeEverything() {
        return includeEverything;
    }

    /** Whether the schema's contents are dumped (pg_dump's namespace dump_contains, short of pg_catalog's ACLs). */
    public boolean schemaDumped(long nspOid) {
        return selection.schemas().contains(nspOid);
    }

    /**
     * Whether the relation's own definition is dumped (pg_dump: its dump mask has DUMP_COMPONENT_DEFINITION): the
     * filters chose it and it belongs to no extension. What hangs off a table (triggers, rules, policies,
     * statistics objects) is dumped only then.
     */
    public boolean relationDefined(long relOid) {
        return selection.relations().contains(relOid) && extensionOf(ObjectId.relation(relOid)) == null;
    }

    /** The OIDs of the relations whose definitions are dumped (see {@link #relationDefined}), for {@code = ANY(?)}. */
    public long[] definedRelations() {
        return selection.relations().stream().filter(this::relationDefined).mapToLong(Long::longValue).sorted()
                .toArray();
    }

    /** The extension {@code id} belongs to (pg_depend deptype 'e'), or null. */
    public @Nullable Long extensionOf(ObjectId id) {
        return extensionMembers.get(id);
    }

    /**
     * pg_dump's selectDumpableObject for an object in a schema: an extension member gets only its changed
     * privileges (compared with pg_init_privs), pg_catalog's objects likewise, others follow their schema.
     */
    public Components inSchema(long nspOid, ObjectId id) {
        Long ext = extensionOf(id);
        if (ext != null) {
            return memberComponents(ext);
        }
        if (nspOid == PG_CATALOG) {
            return catalogAcls ? new Components(Components.ACL) : Components.NONE;
        }
        return schemaDumped(nspOid) ? Components.ALL : Components.NONE;
    }

    /**
     * pg_dump's selectDumpableNamespace for pg_catalog (DUMP_COMPONENT_ACL only): its objects' privileges are
     * dumped unless -n or -t narrows the dump or -N names pg_catalog. -e alone leaves them in.
     */
    public boolean catalogAcls() {
        return catalogAcls;
    }

    /**
     * A system catalog object (pg_catalog itself, or one of its types or relations, not an extension's member): only
     * its ACL component, and only when its privileges differ from its baseline (pg_init_privs, else the built-in
     * default) and pg_catalog's privileges are dumped. An object unchanged since initdb gets nothing.
     */
    public Components catalogObject(ObjectId id, boolean privilegesChanged) {
        Long ext = extensionOf(id);
        if (ext != null) {
            return memberComponents(ext);
        }
        return catalogObject(catalogAcls, privilegesChanged);
    }

    /** The rule of {@link #catalogObject(ObjectId, boolean)} once membership is settled (no server needed). */
    static Components catalogObject(boolean catalogAcls, boolean privilegesChanged) {
        return catalogAcls && privilegesChanged ? new Components(Components.ACL) : Components.NONE;
    }

    /**
     * Whether pg_catalog's privileges are dumped: pg_dump gives pg_catalog DUMP_COMPONENT_ACL when neither -n nor
     * -t is given (include_everything, or only -e narrowing the dump), and none when -N matches it.
     */
    static boolean catalogAcls(Selector.Selection selection, boolean includeEverything) {
        boolean noSchemaOrTablePatterns = includeEverything
                || selection.includedExtensions() != null && !selection.namesSchemasOrTables();
        return noSchemaOrTablePatterns && !selection.excludedSchemas().contains(PG_CATALOG);
    }

    /** The same for an object outside schemas: initdb's objects are not dumped, others only in a full dump. */
    public Components outsideSchema(ObjectId id) {
        Long ext = extensionOf(id);
        if (ext != null) {
            return memberComponents(ext);
        }
        if (id.oid() < FIRST_NORMAL_OID) {
            return Components.NONE;
        }
        return includeEverything ? Components.ALL : Components.NONE;
    }

    /**
     * pg_dump 18's checkExtensionMembership: a member has only its privileges written (the difference from
     * pg_init_privs), and only when its extension's contents are dumped. Its security labels and policies are not.
     */
    public Components memberComponents(long extOid) {
        return extensionContains(extOid).and(new Components(Components.ACL));
    }

    /**
     * pg_dump's selectDumpableExtension: initdb's extensions (plpgsql) only have their members' privileges written,
     * whatever the filters; others everything when -e names them, or, without -e, in a full dump; never when
     * --exclude-extension names them.
     */
    public Components extensionContains(long extOid) {
        if (extOid < FIRST_NORMAL_OID) {
            return new Components(Components.ACL);
        }
        Set<Long> included = selection.includedExtensions();
        boolean dumped = included != null ? included.contains(extOid) : includeEverything;
        return dumped && !selection.excludedExtensions().contains(extOid) ? Components.ALL : Components.NONE;
    }

    /**
     * What is dumped of an extension's member relation, or null when the relation is no member: its changed
     * privileges, and the rows of a configuration table or sequence as pg_dump's processExtensionTables decides
     * (those of a dumped extension, or of one that is not dumped when -t names the table or its schema is dumped;
     * never when -T/-N exclude it, nor for an extension -e leaves out or --exclude-extension names).
     */
    public @Nullable Components relationComponents(long relOid, long nspOid) {
        Long ext = extensionOf(ObjectId.relation(relOid));
        if (ext == null) {
            return null;
        }
        Components out = memberComponents(ext);
        ConfigTable config = configTables.get(relOid);
        if (config == null || config.extension() != ext) {
            return out;
        }
        Set<Long> included = selection.includedExtensions();
        if (included != null && !included.contains(ext) || selection.excludedExtensions().contains(ext)) {
            return out;
        }
        boolean data = extensionContains(ext).has(Components.DEFINITION) || selection.relations().contains(relOid);
        if (selection.excludedRelations().contains(relOid) || selection.excludedSchemas().contains(nspOid)
                || selection.excludedData().contains(relOid)) {
            data = false;
        }
        return data ? new Components(out.bits() | Components.DATA) : out;
    }

    /**
     * What is dumped of a relation the filters chose (no extension member): everything, but its rows only when
     * pg_dump's makeTableDataInfo makes its data object: not for --exclude-table-data's matches, nor an unlogged
     * relation under --no-unlogged-table-data. Its statistics stay either way.
     */
    public Components chosenRelationComponents(long relOid) {
        return chosenRelationComponents(relOid, 0);
    }

    /**
     * The same for a table of {@code foreignServer} (0: no foreign table), whose rows makeTableDataInfo dumps only
     * when --include-foreign-data matched that server.
     */
    public Components chosenRelationComponents(long relOid, long foreignServer) {
        boolean foreignSkipped = foreignServer != 0 && !selection.foreignDataServers().contains(foreignServer);
        return foreignSkipped || selection.excludedData().contains(relOid) ? Components.ALL.without(Components.DATA)
                : Components.ALL;
    }

    /** The configuration table or sequence {@code relOid} of an extension, or null. */
    public @Nullable ConfigTable configTable(long relOid) {
        return configTables.get(relOid);
    }

    private static Map<ObjectId, Long> readMembers(Jdbc jdbc) {
        Map<ObjectId, Long> out = new HashMap<>();
        jdbc.forEach("extension members", """
                SELECT classid, objid, refobjid FROM pg_catalog.pg_depend
                 WHERE refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND deptype = 'e'
                """, rs -> out.put(new ObjectId(rs.getLong(1), rs.getLong(2)), rs.getLong(3)));
        return out;
    }

    private static Map<Long, ConfigTable> readConfigTables(Jdbc jdbc) {
        Map<Long, ConfigTable> out = new HashMap<>();
        jdbc.forEach("extension configuration tables", """
                SELECT x.oid, c.reloid, c.cond
                  FROM pg_catalog.pg_extension x
                 CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(x.extconfig), pg_catalog.unnest(x.extcondition))
                       AS c(reloid, cond)
                 WHERE x.extconfig IS NOT NULL
                """, rs -> out.put(rs.getLong(2), new ConfigTable(rs.getLong(1), rs.getString(3) == null ? ""
                        : rs.getString(3))));
        return out;
    }
}
