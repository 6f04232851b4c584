package org.pgdump4j.restore;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.UsageException;

/**
 * How a TOC is turned into SQL: the options pg_dump (plain format) and pg_restore share.
 *
 * @param restrictKey the {@code \restrict} key for script output; null means a fresh random one per run
 * @param useSetSessionAuthorization ownership by SET SESSION AUTHORIZATION before each entry, not ALTER OWNER
 * @param disableDollarQuoting pg_dump's {@code --disable-dollar-quoting}: routine bodies as standard string literals
 */
public record RenderOptions(
        boolean noOwner,
        boolean noPrivileges,
        boolean noComments,
        boolean clean,
        boolean ifExists,
        boolean create,
        @Nullable String restrictKey,
        boolean useSetSessionAuthorization,
        boolean disableDollarQuoting) {

    public static final RenderOptions DEFAULTS = new RenderOptions(false, false, false, false, false, false, null);

    /** Ownership by ALTER ... OWNER TO. */
    public RenderOptions(boolean noOwner, boolean noPrivileges, boolean noComments, boolean clean, boolean ifExists,
            boolean create, @Nullable String restrictKey) {
        this(noOwner, noPrivileges, noComments, clean, ifExists, create, restrictKey, false);
    }

    /** Routine bodies dollar-quoted. */
    public RenderOptions(boolean noOwner, boolean noPrivileges, boolean noComments, boolean clean, boolean ifExists,
            boolean create, @Nullable String restrictKey, boolean useSetSessionAuthorization) {
        this(noOwner, noPrivileges, noComments, clean, ifExists, create, restrictKey, useSetSessionAuthorization,
                false);
    }

    /**
     * The same with the choices pg_dumpall makes per database: {@code --create} (with {@code --clean}, never
     * {@code --if-exists}) and the cluster script's restrict key. The canonical constructor, so that a component
     * added later cannot be dropped here unnoticed.
     */
    public RenderOptions forDatabase(boolean cleanIt, boolean createIt, @Nullable String key) {
        return new RenderOptions(noOwner, noPrivileges, noComments, cleanIt, false, createIt, key,
                useSetSessionAuthorization, disableDollarQuoting);
    }

    public RenderOptions {
        if (ifExists && !clean) {
            throw new UsageException("option --if-exists requires option -c/--clean");
        }
        if (restrictKey != null && !restrictKey.matches("[A-Za-z0-9]+")) {
            throw new UsageException("invalid restrict key");
        }
    }
}
