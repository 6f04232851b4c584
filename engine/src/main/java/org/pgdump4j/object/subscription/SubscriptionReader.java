package org.pgdump4j.object.subscription;

import java.util.List;
import java.util.Objects;
import org.pgdump4j.catalog.FamilyReader;
import org.pgdump4j.catalog.Query;
import org.pgdump4j.catalog.ReadContext;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.subscription.Subscription;

/**
 * pg_dump's getSubscriptions: the subscriptions of the dumped database, dumped when nothing narrows the dump;
 * none with --no-subscriptions. As pg_dump, only a superuser reads them (subconninfo may hold a password): for
 * anyone else they are left out with a warning when the database has any.
 */
public final class SubscriptionReader implements FamilyReader {
    static final String NOT_SUPERUSER = "subscriptions not dumped because current user is not a superuser";

    private static final String THIS_DATABASE = """
            s.subdbid = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())""";
    private static final String SQL = """
            SELECT s.tableoid, s.oid, s.subname, pg_catalog.pg_get_userbyid(s.subowner) AS owner, s.subconninfo,
                   s.subslotname, s.subsynccommit, s.subpublications::pg_catalog.text[] AS pubs,
                   {binary} AS subbinary, {stream} AS substream, {twophase} AS subtwophasestate,
                   {disableonerr} AS subdisableonerr, {passwordrequired} AS subpasswordrequired,
                   {runasowner} AS subrunasowner, {origin} AS suborigin, {failover} AS subfailover,
                   d.description
              FROM pg_catalog.pg_subscription s
              LEFT JOIN pg_catalog.pg_description d ON d.objoid = s.oid AND d.classoid = s.tableoid AND d.objsubid = 0
             WHERE {thisdb}
             ORDER BY s.oid
            """;

    @Override
    public List<Subscription> read(ReadContext ctx) {
        if (!ctx.subscriptions()) {
            return List.of();
        }
        boolean superuser = ctx.jdbc().query("superuser", "SELECT pg_catalog.current_setting('is_superuser') = 'on'",
                rs -> rs.getBoolean(1)).get(0);
        if (!superuser) {
            long n = ctx.jdbc().query("subscriptions", "SELECT pg_catalog.count(*) FROM pg_catalog.pg_subscription s"
                    + " WHERE " + THIS_DATABASE, rs -> rs.getLong(1)).get(0);
            if (n > 0) {
                ctx.warn(NOT_SUPERUSER);
            }
            return List.of();
        }
        var f = ctx.features();
        // as pg_dump 18: before 16 run_as_owner reads as true (pg_dump's own default for those servers), so it is
        // written for them
        String sql = Query.of(SQL)
                .slot("binary", f.hasSubscriptionBinary(), "s.subbinary", "false")
                .slot("stream", f.hasSubscriptionBinary(), "s.substream::pg_catalog.text", "'f'")
                .slot("twophase", f.hasSubscriptionTwoPhase(), "s.subtwophasestate::pg_catalog.text", "'d'")
                .slot("disableonerr", f.hasSubscriptionTwoPhase(), "s.subdisableonerr", "false")
                .slot("passwordrequired", f.hasSubscriptionOrigin(), "s.subpasswordrequired", "true")
                .slot("runasowner", f.hasSubscriptionOrigin(), "s.subrunasowner", "true")
                .slot("origin", f.hasSubscriptionOrigin(), "s.suborigin", "'any'")
                .slot("failover", f.hasSubscriptionFailover(), "s.subfailover", "false")
                .slot("thisdb", THIS_DATABASE)
                .sql();
        return ctx.jdbc().query("subscriptions", sql, rs -> {
            ObjectId id = new ObjectId(rs.getLong("tableoid"), rs.getLong("oid"));
            return new Subscription(id, rs.getString("subname"), rs.getString("owner"), rs.getString("subconninfo"),
                    Objects.requireNonNull(org.pgdump4j.catalog.Jdbc.textArray(rs, "pubs")),
                    rs.getString("subslotname"), rs.getBoolean("subbinary"), rs.getString("substream").charAt(0),
                    rs.getString("subtwophasestate").charAt(0), rs.getBoolean("subdisableonerr"),
                    rs.getBoolean("subpasswordrequired"), rs.getBoolean("subrunasowner"),
                    rs.getBoolean("subfailover"), rs.getString("subsynccommit"), rs.getString("suborigin"),
                    rs.getString("description"), ctx.outsideSchema(id));
        });
    }
}
