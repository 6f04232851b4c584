package org.pgdump4j.format.tar;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.pgdump4j.PgDumpException;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveReader;
import org.pgdump4j.progress.ProgressListener;
import org.pgdump4j.restore.PgRestore;
import org.pgdump4j.restore.ReaderExtras;
import org.pgdump4j.restore.RestoreOptions;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * The tar format's {@code restore.sql} (archive-format.md 7.4): a note, then the script pg_restore prints with
 * {@code --clean --create}, in which each entry's data is replaced by a reference to its member under
 * {@code $$PATH$$}: {@code \.} and the COPY again from {@code '$$PATH$$/<dumpId>.dat'} for COPY data,
 * {@code \i $$PATH$$/<dumpId>.dat} for INSERT data and large objects. Unlike pg_dump 15.18 and 18.6, which print
 * {@code \restrict (null)}, the script carries a real restrict key (CVE-2026-116330), as pg_dump 17.12 does.
 *
 * <p>Rendering is the engine's ({@link PgRestore}) over a stand-in reader whose "data" are these references.
 * pg_restore's tar writer prints large objects without the BEGIN/COMMIT of a normal script; the engine has no
 * switch for that yet, so {@link BlobsFilter} drops exactly the BEGIN/COMMIT pair around each BLOBS reference.
 */
public final class RestoreScript {
    static final String NOTE = "--\n-- NOTE:\n--\n-- File paths need to be edited. Search for $$PATH$$ and\n"
            + "-- replace it with the path to the directory containing\n-- the extracted data files.\n--\n";
    private static final String FROM_STDIN = " FROM stdin;\n";

    private RestoreScript() {
    }

    /**
     * Writes restore.sql for an archive.
     *
     * @param fileName    the member holding an entry's data ({@code <dumpId>.dat})
     * @param restrictKey the {@code \restrict} key; null for a fresh random one
     * @param charset     the charset the TOC's strings are written in
     */
    public static void write(ArchiveHeader header, Toc toc, Function<TocEntry, String> fileName, OutputStream out,
            @Nullable String restrictKey, Charset charset) throws IOException {
        out.write(NOTE.getBytes(StandardCharsets.US_ASCII));
        BlobsFilter filter = new BlobsFilter(out, charset);
        RestoreOptions opts = RestoreOptions.builder().clean(true).create(true).restrictKey(restrictKey).build();
        try (References refs = new References(header, toc, fileName, charset, filter)) {
            PgRestore.run(refs, opts, new PgRestore.Target.Script(filter, charset), ProgressListener.NONE);
        }
        filter.flush();
    }

    /**
     * What replaces an entry's data: for COPY data the end of the empty COPY and the same COPY from the member's
     * file; otherwise an {@code \i} of the member.
     */
    static String dataReference(TocEntry entry, String file) {
        String copy = entry.copyStatement();
        if (copy == null || copy.isEmpty()) {
            return include(file);
        }
        if (!copy.startsWith("COPY ") || !copy.endsWith(FROM_STDIN) || copy.length() < 6 + FROM_STDIN.length()) {
            throw new PgDumpException("unexpected COPY statement syntax: \"" + copy.replace('\n', ' ') + "\"");
        }
        return "\\.\n" + copy.substring(0, copy.length() - FROM_STDIN.length()) + " FROM '$$PATH$$/" + file
                + "';\n\n";
    }

    static String include(String file) {
        return "\\i $$PATH$$/" + file + "\n\n";
    }

    /** The stand-in reader: the archive's header and TOC, with references as data. */
    private static final class References implements ArchiveReader, ReaderExtras {
        private final ArchiveHeader header;
        private final Toc toc;
        private final Function<TocEntry, String> fileName;
        private final Charset charset;
        private final BlobsFilter filter;

        References(ArchiveHeader header, Toc toc, Function<TocEntry, String> fileName, Charset charset,
                BlobsFilter filter) {
            this.header = header;
            this.toc = toc;
            this.fileName = fileName;
            this.charset = charset;
            this.filter = filter;
        }

        @Override
        public ArchiveHeader header() {
            return header;
        }

        @Override
        public Toc toc() {
            return toc;
        }

        @Override
        public InputStream openData(TocEntry entry) {
            return new ByteArrayInputStream(dataReference(entry, fileName.apply(entry)).getBytes(charset));
        }

        @Override
        public void readLargeObjects(TocEntry blobs, LargeObjectConsumer consumer) throws IOException {
            filter.blobsReference(include(fileName.apply(blobs)));
        }

        @Override
        public boolean isRandomAccess() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /**
     * Passes the script through, except that a {@code BEGIN;} immediately followed by a BLOBS reference, and the
     * {@code COMMIT;} right after it, are dropped (pg_dump's restore.sql has neither).
     */
    static final class BlobsFilter extends FilterOutputStream {
        private final byte[] begin;
        private final byte[] commit;
        private boolean beginHeld;
        private boolean dropCommit;

        BlobsFilter(OutputStream out, Charset charset) {
            super(out);
            this.begin = "BEGIN;\n\n".getBytes(charset);
            this.commit = "COMMIT;\n\n".getBytes(charset);
        }

        void blobsReference(String text) throws IOException {
            if (!beginHeld) {
                throw new IllegalStateException("large objects outside a transaction block");
            }
            beginHeld = false;
            out.write(text.getBytes(StandardCharsets.UTF_8));
            dropCommit = true;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            byte[] piece = Arrays.copyOfRange(b, off, off + len);
            if (dropCommit) {
                dropCommit = false;
                if (Arrays.equals(piece, commit)) {
                    return;
                }
                throw new IllegalStateException("large objects not followed by COMMIT");
            }
            if (beginHeld) {
                beginHeld = false;
                out.write(begin);
            }
            if (Arrays.equals(piece, begin)) {
                beginHeld = true;
                return;
            }
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (beginHeld) {
                beginHeld = false;
                out.write(begin);
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
