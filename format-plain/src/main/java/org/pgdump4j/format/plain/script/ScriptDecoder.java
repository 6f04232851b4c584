package org.pgdump4j.format.plain.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Decodes script bytes into characters with a charset that can change mid-stream, for psql's
 * {@code SET client_encoding}. Malformed input is an error, never silently replaced; it is reported only when the
 * characters before it have been read, so a switch just before it can still take effect.
 *
 * <p>Decodes a batch of bytes at a time, but {@link #switchCharset} puts back the bytes of the characters not yet
 * handed out: the new charset applies exactly from the first character the caller has not read.
 *
 * <p>A byte-order mark (U+FEFF) as the first character of a UTF-8 input is skipped, as psql skips it on the first
 * line of a script when the client encoding is UTF8 (elsewhere it is text, and the server rejects it). Single-threaded.
 */
final class ScriptDecoder extends Reader {
    private static final int BATCH = 8192;

    private final InputStream in;
    private Charset charset;
    private CharsetDecoder decoder;
    /** Undecoded bytes, in read mode. */
    private ByteBuffer bytes = ByteBuffer.allocate(BATCH).flip();
    /** The bytes of the last decoded batch (for {@link #switchCharset}), and how many of them it consumed. */
    private byte[] batch = new byte[0];
    private int batchLength;
    /** Decoded characters of the last batch, in read mode: position = characters handed out. */
    private final CharBuffer chars = CharBuffer.allocate(BATCH).flip();
    private boolean endOfInput;
    /** End of input reached and the decoder flushed. */
    private boolean drained;
    private boolean closed;
    /** No character decoded yet from a UTF-8 input: a leading byte-order mark is to be skipped. */
    private boolean byteOrderMarkPending;

    ScriptDecoder(InputStream in, Charset charset) {
        this.in = Objects.requireNonNull(in, "in");
        this.charset = Objects.requireNonNull(charset, "charset");
        this.decoder = newDecoder(charset);
        this.byteOrderMarkPending = charset.equals(StandardCharsets.UTF_8);
    }

    Charset charset() {
        return charset;
    }

    /**
     * Decodes every byte after the characters already read with {@code next} instead of the current charset.
     * Characters already read (a lexer looks one character ahead) stay as they were decoded.
     */
    void switchCharset(Charset next) throws IOException {
        Objects.requireNonNull(next, "next");
        if (next.equals(charset)) {
            return;
        }
        byteOrderMarkPending = false;
        if (batchLength == 0) {
            // nothing decoded since the last switch: 'bytes' holds everything not yet read
            charset = next;
            decoder = newDecoder(next);
            drained = false;
            return;
        }
        int handedOut = chars.position();
        // re-decode the last batch with the old charset, up to the characters handed out, to find their bytes
        CharsetDecoder replay = newDecoder(charset);
        ByteBuffer source = ByteBuffer.wrap(batch, 0, batchLength);
        CharBuffer sink = CharBuffer.allocate(handedOut);
        CoderResult result = replay.decode(source, sink, false);
        if (result.isError()) {
            result.throwException();
        }
        if (sink.position() != handedOut) {
            throw new IllegalStateException("replayed " + sink.position() + " characters, expected " + handedOut);
        }
        // the batch holds every byte given to the decoder, including those it left in 'bytes'
        int consumed = source.position();
        ByteBuffer rest = ByteBuffer.allocate(Math.max(BATCH, batchLength - consumed));
        rest.put(batch, consumed, batchLength - consumed).flip();
        bytes = rest;
        batchLength = 0;
        chars.position(0).limit(0);
        charset = next;
        decoder = newDecoder(next);
        drained = false;
    }

    @Override
    public int read() throws IOException {
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        return chars.get();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    /** Decodes the next batch into {@link #chars}; false at end of input. */
    private boolean fill() throws IOException {
        if (closed) {
            throw new IOException("script reader is closed");
        }
        while (true) {
            if (drained) {
                chars.position(0).limit(0);
                return false;
            }
            if (!endOfInput && bytes.remaining() < BATCH / 2) {
                readMore();
            }
            // remember every byte given to the decoder: switchCharset replays them
            batchLength = bytes.remaining();
            if (batch.length < batchLength) {
                batch = new byte[Math.max(batchLength, BATCH)];
            }
            bytes.get(bytes.position(), batch, 0, batchLength);
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                if (chars.position() == 0) {
                    result.throwException();
                }
                // hand out what came before the bad bytes first: a switchCharset may come before they are read
            } else if (endOfInput && result.isUnderflow()) {
                if (bytes.hasRemaining()) {
                    // an incomplete sequence at the very end
                    CoderResult.malformedForLength(bytes.remaining()).throwException();
                }
                result = decoder.flush(chars);
                if (result.isError()) {
                    result.throwException();
                }
                drained = result.isUnderflow();
            }
            chars.flip();
            if (byteOrderMarkPending && chars.hasRemaining()) {
                byteOrderMarkPending = false;
                if (chars.get(0) == '\uFEFF') {
                    chars.position(1);   // handed out, as far as switchCharset is concerned
                }
            }
            if (chars.hasRemaining()) {
                return true;
            }
            // nothing decoded yet: only the start of a multi-byte sequence was there, read on
        }
    }

    private void readMore() throws IOException {
        bytes.compact();
        while (bytes.hasRemaining()) {
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
                break;
            }
            bytes.position(bytes.position() + n);
            if (n > 0 && bytes.position() >= BATCH / 2) {
                break;
            }
        }
        bytes.flip();
    }

    private static CharsetDecoder newDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Stops reading; does not close the underlying stream, which belongs to the caller. */
    @Override
    public void close() {
        closed = true;
    }
}
