package org.pgdump4j.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * Bytes in {@code charset} written on as characters to a {@link Writer}: how a script rendered as bytes reaches a
 * caller who wants text. A character split across writes waits for its last byte. {@link #flush} passes on what is
 * complete and flushes the writer; {@link #close} also ends the text (an incomplete last character becomes U+FFFD)
 * but leaves the writer open: it is the caller's.
 */
public final class DecodingOutputStream extends OutputStream {
    private final Writer out;
    private final CharsetDecoder decoder;
    private final ByteBuffer in = ByteBuffer.allocate(1 << 13);
    private final CharBuffer chars = CharBuffer.allocate(1 << 13);
    private boolean closed;

    public DecodingOutputStream(Writer out, Charset charset) {
        this.out = Objects.requireNonNull(out, "out");
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        while (len > 0) {
            int n = Math.min(len, in.remaining());
            in.put(b, off, n);
            off += n;
            len -= n;
            decode(false);
        }
    }

    /** Decodes what {@link #in} holds; without {@code end}, an incomplete last character stays for the next write. */
    private void decode(boolean end) throws IOException {
        in.flip();
        while (true) {
            CoderResult r = decoder.decode(in, chars, end);
            drain();
            if (!r.isOverflow()) {
                break;
            }
        }
        if (end) {
            while (decoder.flush(chars).isOverflow()) {
                drain();
            }
            drain();
        }
        in.compact();
    }

    private void drain() throws IOException {
        chars.flip();
        out.write(chars.array(), chars.arrayOffset() + chars.position(), chars.remaining());
        chars.clear();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        decode(true);
        closed = true;
        out.flush();
    }
}
