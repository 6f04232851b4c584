package org.pgdump4j.restore;

import java.io.IOException;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.toc.TocEntry;

/**
 * --disable-triggers in a data-only restore (pg_restore's _disableTriggersIfNecessary and
 * _enableTriggersIfNecessary): each table's triggers off around its data, as the -S superuser (or the session's
 * own user) whom the session becomes once, and becomes again only after a reconnect. Single-threaded, one per
 * restorer (so one per connection).
 */
final class DataTriggers {
    private final boolean active;
    private final String superuser;
    private final SqlTarget target;
    private final ProgressListener progress;
    /** The user the session was last made to be (pg_restore's currUser, shared with the owners' switches). */
    private final SessionUser user;

    DataTriggers(RestoreOptions opts, SqlTarget target, ProgressListener progress, SessionUser user) {
        this.active = opts.output().disableTriggers() && !opts.content().schema();
        String s = opts.output().superuser();
        this.superuser = s == null ? "" : s;
        this.target = target;
        this.progress = progress;
        this.user = user;
    }

    /** Before a table's data. */
    void disable(TocEntry te) throws IOException {
        toggle(te, "disabling", "DISABLE");
    }

    /** After a table's data. */
    void enable(TocEntry te) throws IOException {
        toggle(te, "enabling", "ENABLE");
    }

    /** A new session (a reconnect): its user is the connection's again. */
    void forgetSession() {
        user.forget();
    }

    private void toggle(TocEntry te, String verb, String word) throws IOException {
        if (!active) {
            return;
        }
        progress.info(verb + " triggers for " + te.tag());
        user.become(superuser);
        target.sql(te, "ALTER TABLE " + Restorer.qualified(te) + " " + word + " TRIGGER ALL;\n\n");
    }
}
