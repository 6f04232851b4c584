package org.pgdump4j.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What libpq takes from its build and from the operating system when nothing else says: the default Unix socket
 * directory ({@code DEFAULT_PGSOCKET_DIR}), the directory of the system service file ({@code SYSCONFDIR}) and the
 * operating-system user name.
 *
 * @param socketDir {@code /var/run/postgresql} when that directory exists (Debian's and Red Hat's libpq), else
 *     {@code /tmp} (libpq built from source)
 * @param sysconfDir {@code /etc/postgresql-common}, the sysconfdir of Debian's libpq packages
 * @param osUser the {@code user.name} system property (libpq: the effective user's name)
 */
record ConnDefaults(String socketDir, Path sysconfDir, String osUser) {
    static final String DEBIAN_SOCKET_DIR = "/var/run/postgresql";
    static final String SOURCE_SOCKET_DIR = "/tmp";

    ConnDefaults {
        Objects.requireNonNull(socketDir, "socketDir");
        Objects.requireNonNull(sysconfDir, "sysconfDir");
        Objects.requireNonNull(osUser, "osUser");
    }

    static ConnDefaults system() {
        String socketDir = Files.isDirectory(Path.of(DEBIAN_SOCKET_DIR)) ? DEBIAN_SOCKET_DIR : SOURCE_SOCKET_DIR;
        return new ConnDefaults(socketDir, Path.of("/etc/postgresql-common"), System.getProperty("user.name", ""));
    }
}
