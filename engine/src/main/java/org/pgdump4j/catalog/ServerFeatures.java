package org.pgdump4j.catalog;

import org.pgdump4j.UnsupportedServerException;

/**
 * What the source server's catalogs have, by name. The only place that compares version numbers; readers ask
 * these methods and smooth the difference out before anything reaches the model.
 */
public record ServerFeatures(int versionNum) {
    public static final int OLDEST = 100000;
    public static final int NEWEST = 189999;

    public ServerFeatures {
        if (versionNum < OLDEST) {
            throw new UnsupportedServerException("server version " + versionNum + " is older than 10, which is not supported");
        }
        if (versionNum > NEWEST) {
            throw new UnsupportedServerException("aborting because of server version mismatch: server version "
                    + versionNum / 10000 + " is newer than 18");
        }
    }

    /** pg_class.relam for tables (table access methods). */
    public boolean hasTableAccessMethods() {
        return versionNum >= 120000;
    }

    /** ALTER INDEX ... ALTER COLUMN n SET STATISTICS (an index expression column's statistics target). */
    public boolean hasIndexColumnStatistics() {
        return versionNum >= 110000;
    }

    /** pg_attribute.attgenerated. */
    public boolean hasGeneratedColumns() {
        return versionNum >= 120000;
    }

    /** Hash partitioning (and default partitions, partitioned indexes). */
    public boolean hasHashPartitioning() {
        return versionNum >= 110000;
    }

    /** pg_constraint.conparentid (inherited constraint clones on partitions). */
    public boolean hasConstraintParent() {
        return versionNum >= 110000;
    }

    /** pg_database.datlocprovider. */
    public boolean hasLocaleProvider() {
        return versionNum >= 150000;
    }

    /** pg_database.datlocale (17) vs daticulocale (15, 16). */
    public boolean hasDatLocale() {
        return versionNum >= 170000;
    }

    /** pg_database.daticurules. */
    public boolean hasIcuRules() {
        return versionNum >= 160000;
    }

    /** pg_collation.collisdeterministic (nondeterministic ICU collations). */
    public boolean hasNondeterministicCollations() {
        return versionNum >= 120000;
    }

    /** pg_collation.colliculocale (15, 16): the ICU locale apart from collcollate/collctype. */
    public boolean hasCollIcuLocale() {
        return versionNum >= 150000;
    }

    /** pg_collation.colllocale (renamed from colliculocale; the builtin provider's locale too). */
    public boolean hasCollLocale() {
        return versionNum >= 170000;
    }

    /** pg_collation.collicurules. */
    public boolean hasCollIcuRules() {
        return versionNum >= 160000;
    }

    /** NOT NULL constraints as pg_constraint rows with contype 'n'. */
    public boolean hasNotNullConstraints() {
        return versionNum >= 180000;
    }

    /** pg_get_sequence_data(). */
    public boolean hasSequenceDataFunction() {
        return versionNum >= 180000;
    }

    /** transaction_timeout GUC. */
    public boolean hasTransactionTimeout() {
        return versionNum >= 170000;
    }

    /** The MAINTAIN table privilege ('m'). */
    public boolean hasMaintainPrivilege() {
        return versionNum >= 170000;
    }

    /** public schema owned by pg_database_owner by default. */
    public boolean hasDatabaseOwnerPublicSchema() {
        return versionNum >= 150000;
    }

    /** pg_proc.prokind (procedures); before, pg_proc.proisagg. */
    public boolean hasProkind() {
        return versionNum >= 110000;
    }

    /** pg_proc.prosupport (planner support functions). */
    public boolean hasSupportFunctions() {
        return versionNum >= 120000;
    }

    /** pg_proc.prosqlbody: SQL-standard function bodies (BEGIN ATOMIC / RETURN). */
    public boolean hasSqlStandardBodies() {
        return versionNum >= 140000;
    }

    /** pg_aggregate.aggfinalmodify and aggmfinalmodify (FINALFUNC_MODIFY). */
    public boolean hasAggregateFinalModify() {
        return versionNum >= 110000;
    }

    /** pg_statistic_ext.stxstattarget (ALTER STATISTICS ... SET STATISTICS); nullable from 17. */
    public boolean hasStatisticsTarget() {
        return versionNum >= 130000;
    }

    /** pg_class.relallfrozen, which pg_dump 18 passes to pg_restore_relation_stats for such sources only. */
    public boolean hasRelallfrozen() {
        return versionNum >= 180000;
    }

    /** pg_stats' range_length_histogram, range_empty_frac and range_bounds_histogram. */
    public boolean hasRangeStats() {
        return versionNum >= 170000;
    }

    /**
     * pg_class.reltuples is -1 for a relation never vacuumed or analyzed; before 14 it was 0, like an empty one's
     * (pg_dump 18 then writes -1 for a 0).
     */
    public boolean hasUnknownReltuples() {
        return versionNum >= 140000;
    }

    /** Partitioned tables' row triggers, cloned onto their partitions as internal triggers (11, 12: no tgparentid). */
    public boolean hasTriggerClones() {
        return versionNum >= 110000;
    }

    /** A trigger cloned onto a partition is no longer internal (tgisinternal false, tgparentid set). */
    public boolean hasVisibleTriggerClones() {
        return versionNum >= 150000;
    }

    /** pg_trigger.tgparentid (triggers cloned onto partitions). */
    public boolean hasTriggerParent() {
        return versionNum >= 130000;
    }

    /** Multirange types, made with every range type, and their casts. */
    public boolean hasMultiranges() {
        return versionNum >= 140000;
    }

    /** pg_attribute.attcompression. */
    public boolean hasColumnCompression() {
        return versionNum >= 140000;
    }

    /** pg_publication_namespace (FOR TABLES IN SCHEMA); pg_publication_rel's column lists and row filters. */
    public boolean hasPublicationSchemas() {
        return versionNum >= 150000;
    }

    /** pg_publication.pubtruncate. */
    public boolean hasPublicationTruncate() {
        return versionNum >= 110000;
    }

    /** pg_publication.pubviaroot (publish_via_partition_root). */
    public boolean hasPublicationViaRoot() {
        return versionNum >= 130000;
    }

    /** pg_publication.pubgencols (publish_generated_columns). */
    public boolean hasPublicationGeneratedColumns() {
        return versionNum >= 180000;
    }

    /** pg_subscription.subbinary and substream. */
    public boolean hasSubscriptionBinary() {
        return versionNum >= 140000;
    }

    /** pg_subscription.subtwophasestate and subdisableonerr. */
    public boolean hasSubscriptionTwoPhase() {
        return versionNum >= 150000;
    }

    /** pg_subscription.suborigin, subpasswordrequired and subrunasowner. */
    public boolean hasSubscriptionOrigin() {
        return versionNum >= 160000;
    }

    /** pg_subscription.subfailover. */
    public boolean hasSubscriptionFailover() {
        return versionNum >= 170000;
    }

    /**
     * Btree indexes keep equal keys in heap (creation) order (v12's heapkeyspace indexes); before, a new duplicate
     * went in front of the old ones, so an index scan of pg_depend by referenced object returns newest first.
     */
    public boolean hasHeapOrderedBtreeDuplicates() {
        return versionNum >= 120000;
    }

    /** pg_type.typsubscript (subscripting handlers). */
    public boolean hasTypeSubscript() {
        return versionNum >= 140000;
    }

    /** pg_parameter_acl: privileges on configuration parameters (pg_dumpall's GRANT SET / ALTER SYSTEM). */
    public boolean hasParameterAcl() {
        return versionNum >= 150000;
    }

    /**
     * pg_auth_members.inherit_option and set_option, and grantors the server checks: pg_dumpall writes a
     * membership's options and GRANTED BY only from such servers.
     */
    public boolean hasMembershipOptions() {
        return versionNum >= 160000;
    }
}
