package org.pgdump4j.dump;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.pgdump4j.monitor.CountedRows;

/**
 * The rows of a text {@code COPY ... TO stdout} as one stream, ending with pg_dump's terminator line. The server
 * sends each row of a text COPY as one CopyData message, so the messages count the rows; at the end the COPY's
 * completion tag gives the count.
 */
final class TextCopyStream extends InputStream implements CountedRows {
    static final byte[] TERMINATOR = "\\.\n\n\n".getBytes(StandardCharsets.US_ASCII);

    private final CopyData data;
    private byte[] src = new byte[0];
    private int pos;
    private int left;
    private boolean ended;
    private long rows;

    TextCopyStream(CopyData data) {
        this.data = data;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (left == 0) {
            if (ended) {
                return -1;
            }
            if (data.next()) {
                rows++;
                src = data.buf;
                pos = data.off;
                left = data.len;
            } else {
                src = TERMINATOR;
                pos = 0;
                left = TERMINATOR.length;
                ended = true;
            }
        }
        int n = Math.min(len, left);
        System.arraycopy(src, pos, b, off, n);
        pos += n;
        left -= n;
        return n;
    }

    /** The dump's path: each row goes from the driver's buffer straight to {@code out}. */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long n = left;
        out.write(src, pos, left);
        left = 0;
        if (!ended) {
            while (data.next()) {
                rows++;
                out.write(data.buf, data.off, data.len);
                n += data.len;
            }
            out.write(TERMINATOR);
            n += TERMINATOR.length;
            ended = true;
        }
        return n;
    }

    @Override
    public long rowsSoFar() {
        long tag = ended ? data.completedRows() : -1;
        return tag >= 0 ? tag : rows;
    }

    @Override
    public void close() throws IOException {
        data.close();
    }
}
