package org.pgdump4j.format.tar;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.format.directory.Blobs;
import org.pgdump4j.format.directory.CountingInputStream;
import org.pgdump4j.format.directory.FileNames;
import org.pgdump4j.format.directory.GuardedInputStream;

/**
 * Members of a tar stream, strictly in order (pg_restore's tar reading, archive-format.md 7.3): asking for a
 * member skips the members before it; asking for one already skipped is an error. Single-threaded.
 */
final class StreamingTarSource implements TarSource {
    private final TarArchiveInputStream tin;
    private final String name;
    /** Names of skipped members, except large objects (only data and list members can be asked for later). */
    private final Set<String> passed = new HashSet<>();
    private @Nullable TarArchiveEntry pending;
    private String current = "";

    StreamingTarSource(InputStream in, String name) {
        this.tin = new TarArchiveInputStream(in);
        this.name = name;
    }

    private @Nullable TarArchiveEntry next() {
        if (pending != null) {
            TarArchiveEntry e = pending;
            pending = null;
            return e;
        }
        long offset = tin.getBytesRead();
        try {
            TarArchiveEntry e = tin.getNextEntry();
            while (e != null && !e.isFile()) {
                e = tin.getNextEntry();
            }
            if (e != null) {
                current = e.getName();
            }
            return e;
        } catch (IOException e) {
            throw new ArchiveFormatException("could not read tar archive \"" + name + "\" after offset " + offset
                    + ": " + FileNames.printable(String.valueOf(e.getMessage()).replace('\n', ' ')), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream first(String member) throws IOException {
        TarArchiveEntry e = next();
        if (e == null) {
            throw new ArchiveFormatException("tar archive \"" + name + "\" has no members");
        }
        if (!e.getName().equals(member)) {
            throw new ArchiveFormatException("first member of tar archive \"" + name + "\" is \""
                    + FileNames.printable(e.getName()) + "\", expected \"" + member + "\"");
        }
        return stream(e, "header and TOC");
    }

    @Override
    public InputStream open(String member, String what) throws IOException {
        requireAhead(member);
        for (TarArchiveEntry e = next(); e != null; e = next()) {
            if (e.getName().equals(member)) {
                return stream(e, what);
            }
            skipped(e);
        }
        throw notFound(member, what);
    }

    @Override
    public void blobs(String listName, String what, Blobs.Consumer consumer) throws IOException {
        requireAhead(listName);
        boolean found = false;
        for (TarArchiveEntry e = next(); e != null; e = next()) {
            long oid = TarSource.blobOid(e.getName());
            if (oid != 0) {
                try (InputStream data = stream(e, "large object " + oid + " of " + what)) {
                    consumer.accept(oid, data);
                }
                found = true;
            } else if (e.getName().equals(listName)) {
                return;
            } else if (found) {
                pending = e; // pg_restore stops at the first other member once it has found large objects
                return;
            } else {
                skipped(e);
            }
        }
        if (!found) {
            throw notFound(listName, "large object list of " + what);
        }
    }

    private void requireAhead(String member) {
        if (passed.contains(member)) {
            throw new ArchiveFormatException("restoring data out of order is not supported in this archive format: \""
                    + FileNames.printable(member) + "\" is required, but comes before \"" + FileNames.printable(current)
                    + "\" in the archive file \"" + name + "\"");
        }
    }

    private void skipped(TarArchiveEntry e) {
        if (TarSource.blobOid(e.getName()) == 0) {
            passed.add(e.getName());
        }
    }

    private ArchiveFormatException notFound(String member, String what) {
        return new ArchiveFormatException("could not find header for file \"" + FileNames.printable(member)
                + "\" in tar archive \"" + name + "\" (" + what + ")");
    }

    private InputStream stream(TarArchiveEntry e, String what) {
        long base = tin.getBytesRead();
        InputStream shielded = new FilterInputStream(tin) {
            @Override
            public void close() {
                // the next member is read from the same stream
            }
        };
        CountingInputStream raw = new CountingInputStream(shielded);
        return new GuardedInputStream(raw, raw, name + ":" + e.getName(), what, base);
    }

    @Override
    public boolean isRandomAccess() {
        return false;
    }

    @Override
    public void close() throws IOException {
        tin.close();
    }
}
