package org.pgdump4j.restore;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * pg_restore's currUser: whom the script or the connection was last made to be by SET SESSION AUTHORIZATION
 * (_becomeUser), so that the statement is sent only when the user changes. Unknown again after a reconnect, after
 * an ACL entry (which may hold such statements itself) and on a new connection. One per restorer.
 */
final class SessionUser {
    private final SqlTarget target;
    /** The user last set ("" for DEFAULT), null when unknown. */
    private @Nullable String current;

    SessionUser(SqlTarget target) {
        this.target = target;
    }

    /** Becomes {@code user} (null or empty: DEFAULT) unless the session already is that user. */
    void become(@Nullable String user) throws IOException {
        String u = user == null ? "" : user;
        if (u.equals(current)) {
            return;
        }
        target.sessionAuthorization(u);
        current = u;
    }

    void forget() {
        current = null;
    }
}
