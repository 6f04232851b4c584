package org.pgdump4j.format.directory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.pgdump4j.ArchiveFormatException;
import org.pgdump4j.compress.DecompressionException;

/**
 * Turns an {@link IOException} while reading one archive file or member into an {@link ArchiveFormatException}
 * naming the file, what it holds and the offset reached in the raw (still compressed) bytes.
 */
public final class GuardedInputStream extends FilterInputStream {
    private final CountingInputStream raw;
    private final String file;
    private final String what;
    private final long base;

    /**
     * @param raw     the bytes as stored (counted for the offset in messages)
     * @param decoded what callers read: {@code raw} itself or a decompressor over it
     * @param file    e.g. {@code "dump/3372.dat.gz"}
     * @param what    e.g. {@code data of TOC entry 3372 "shop.customer"}
     */
    public GuardedInputStream(CountingInputStream raw, InputStream decoded, String file, String what) {
        this(raw, decoded, file, what, 0);
    }

    /** @param base the absolute offset of {@code raw}'s first byte in {@code file} (a tar member's data) */
    public GuardedInputStream(CountingInputStream raw, InputStream decoded, String file, String what, long base) {
        super(decoded);
        this.raw = raw;
        this.file = file;
        this.what = what;
        this.base = base;
    }

    private ArchiveFormatException fail(IOException e) {
        if (e instanceof DecompressionException refused) {
            return new ArchiveFormatException(refused.getMessage() + " (" + what + " in \"" + file + "\" at offset "
                    + (base + raw.count()) + ")", e);
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ArchiveFormatException("could not read " + what + " from \"" + file + "\" at offset "
                + (base + raw.count()) + ": " + FileNames.printable(reason.replace('\n', ' ')), e);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw fail(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw fail(e);
        }
    }
}
