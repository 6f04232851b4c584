package org.pgdump4j.dump;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The rows of a text {@code COPY ... TO stdout} as one stream, ending with pg_dump's terminator line. */
final class TextCopyStream extends InputStream {
    static final byte[] TERMINATOR = "\\.\n\n\n".getBytes(StandardCharsets.US_ASCII);

    private final CopyData data;
    private byte[] src = new byte[0];
    private int pos;
    private int left;
    private boolean ended;

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
    public void close() throws IOException {
        data.close();
    }
}
