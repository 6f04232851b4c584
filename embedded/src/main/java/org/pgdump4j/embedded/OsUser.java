package org.pgdump4j.embedded;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/** Who the JVM runs as, and the unprivileged account the server programs use when that is root. */
final class OsUser {
    static final String SETPRIV = "/usr/bin/setpriv";
    static final String UNPRIVILEGED_USER = "nobody";

    private OsUser() {
    }

    /** True when the JVM's effective user is root (uid 0): the owner of {@code /proc/self}. */
    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i && i == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** {@code nogroup} (Debian, Ubuntu) where it exists, otherwise {@code nobody} (Fedora, Alpine). */
    static String unprivilegedGroup() {
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            lookup.lookupPrincipalByGroupName("nogroup");
            return "nogroup";
        } catch (UserPrincipalNotFoundException e) {
            return "nobody";
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not look up group \"nogroup\": " + e.getMessage(), e);
        }
    }

    /** Gives {@code path} (not recursively) to the unprivileged user and group. */
    static void chownToUnprivileged(Path path) {
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(unprivilegedGroup());
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            view.setOwner(lookup.lookupPrincipalByName(UNPRIVILEGED_USER));
            view.setGroup(group);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not give \"" + path + "\" to user \"" + UNPRIVILEGED_USER
                    + "\": " + e.getMessage(), e);
        }
    }
}
