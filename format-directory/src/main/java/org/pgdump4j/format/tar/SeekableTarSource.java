package org.pgdump4j.format.tar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.format.directory.BlobsToc;
import org.pgdump4j.format.directory.CountingInputStream;
import org.pgdump4j.format.directory.FileNames;
import org.pgdump4j.format.directory.GuardedInputStream;
import org.pgdump4j.format.directory.Blobs;

/**
 * Members of a tar file through Commons Compress's {@link TarFile}: all headers are read once, and every member's
 * extent is checked against the file size, so a truncated archive is reported when it is opened.
 */
final class SeekableTarSource implements TarSource {
    private final Path file;
    private final TarFile tar;
    private final List<TarArchiveEntry> entries;
    private final Map<String, TarArchiveEntry> byName = new HashMap<>();

    private SeekableTarSource(Path file, TarFile tar) {
        this.file = file;
        this.tar = tar;
        this.entries = tar.getEntries();
        for (TarArchiveEntry e : entries) {
            byName.putIfAbsent(e.getName(), e);
        }
    }

    static SeekableTarSource open(Path file) throws IOException {
        TarFile tar;
        try {
            tar = new TarFile(file);
        } catch (IOException e) {
            throw new ArchiveFormatException("could not read tar archive \"" + file + "\": "
                    + FileNames.printable(String.valueOf(e.getMessage()).replace('\n', ' ')), e);
        }
        try {
            checkExtents(file, tar.getEntries(), Files.size(file));
            return new SeekableTarSource(file, tar);
        } catch (RuntimeException e) {
            tar.close();
            throw e;
        }
    }

    /** Every member's data lies inside the file, and the two end-of-archive blocks follow the last one. */
    private static void checkExtents(Path file, List<TarArchiveEntry> entries, long size) {
        long end = 0;
        for (TarArchiveEntry e : entries) {
            long dataEnd = e.getDataOffset() + e.getSize();
            if (e.getSize() < 0 || dataEnd > size || dataEnd < 0) {
                throw new ArchiveFormatException("truncated tar archive \"" + file + "\": member \""
                        + FileNames.printable(e.getName()) + "\" at offset " + e.getDataOffset() + " needs "
                        + e.getSize() + " bytes, but the file ends at offset " + size);
            }
            end = Math.max(end, (dataEnd + TarMembers.BLOCK - 1) / TarMembers.BLOCK * TarMembers.BLOCK);
        }
        if (size < end + 2L * TarMembers.BLOCK) {
            throw new ArchiveFormatException("truncated tar archive \"" + file + "\": no end-of-archive marker after "
                    + "offset " + end);
        }
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public InputStream first(String name) throws IOException {
        if (entries.isEmpty()) {
            throw new ArchiveFormatException("tar archive \"" + file + "\" has no members");
        }
        TarArchiveEntry e = entries.get(0);
        if (!e.getName().equals(name)) {
            throw new ArchiveFormatException("first member of tar archive \"" + file + "\" is \""
                    + FileNames.printable(e.getName()) + "\", expected \"" + name + "\"");
        }
        return stream(e, "header and TOC");
    }

    @Override
    public InputStream open(String name, String what) throws IOException {
        return stream(member(name, what), what);
    }

    private TarArchiveEntry member(String name, String what) {
        TarArchiveEntry e = byName.get(name);
        if (e == null || !e.isFile()) {
            throw new ArchiveFormatException("could not find header for file \"" + FileNames.printable(name)
                    + "\" in tar archive \"" + file + "\" (" + what + ")");
        }
        return e;
    }

    private InputStream stream(TarArchiveEntry e, String what) throws IOException {
        CountingInputStream raw = new CountingInputStream(tar.getInputStream(e));
        return new GuardedInputStream(raw, raw, file + ":" + e.getName(), what, e.getDataOffset());
    }

    @Override
    public void blobs(String listName, String what, Blobs.Consumer consumer) throws IOException {
        String where = file + ":" + listName;
        try (InputStream list = open(listName, "large object list of " + what)) {
            BlobsToc.read(list, where, line -> {
                String blobWhat = "large object " + Long.toUnsignedString(line.oid()) + " of " + what;
                try (InputStream data = open(line.file(), blobWhat)) {
                    consumer.accept(line.oid(), data);
                }
            });
        }
    }

    @Override
    public boolean isRandomAccess() {
        return true;
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
