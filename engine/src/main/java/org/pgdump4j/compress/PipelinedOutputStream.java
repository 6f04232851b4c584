package org.pgdump4j.compress;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Hands the bytes written to it to another thread, which writes them to {@code downstream} (typically a
 * compressor feeding an archive), through a bounded queue of fixed-size chunks. So reading COPY data (the writer's
 * thread) and compressing (the consumer thread) use two cores, while memory stays bounded at
 * {@code (depth + 2) * chunkSize}.
 *
 * <p>All calls on {@code downstream}, including its {@code close()}, happen on the consumer thread. The first
 * failure of the consumer is rethrown to the writer by the next {@code write}, {@code flush} or {@code close}.
 * {@link #close()} waits until everything is written and {@code downstream} is closed. {@link #abort()} stops the
 * consumer without closing {@code downstream} cleanly (for a failed dump). Not for use by several writer threads.
 */
public final class PipelinedOutputStream extends OutputStream {
    public static final int DEFAULT_CHUNK = 256 * 1024;
    public static final int DEFAULT_DEPTH = 8;

    private static final byte[] END = new byte[0];

    private final BlockingQueue<Chunk> full;
    private final BlockingQueue<byte[]> free;
    private final CountDownLatch done = new CountDownLatch(1);
    private final int chunkSize;
    private final Thread consumer;
    private volatile Throwable failure;
    private volatile boolean aborted;
    private byte[] current;
    private int currentLen;
    private boolean closed;

    private record Chunk(byte[] data, int len) {
    }

    /** Starts a consumer thread with the defaults (256 KiB chunks, 8 in flight). */
    public PipelinedOutputStream(OutputStream downstream) {
        this(downstream, DEFAULT_CHUNK, DEFAULT_DEPTH, "pgdump4j-pipeline");
    }

    public PipelinedOutputStream(OutputStream downstream, int chunkSize, int depth, String threadName) {
        Objects.requireNonNull(downstream, "downstream");
        if (chunkSize <= 0 || depth <= 0) {
            throw new IllegalArgumentException("chunkSize and depth must be positive");
        }
        this.chunkSize = chunkSize;
        this.full = new ArrayBlockingQueue<>(depth + 1);
        this.free = new ArrayBlockingQueue<>(depth + 2);
        this.current = new byte[chunkSize];
        consumer = new Thread(() -> consume(downstream), threadName);
        consumer.setDaemon(true);
        consumer.start();
    }

    private void consume(OutputStream downstream) {
        try {
            while (true) {
                Chunk c = full.take();
                if (c.data == END || aborted) {
                    break;
                }
                downstream.write(c.data, 0, c.len);
                free.offer(c.data);
            }
            if (!aborted) {
                downstream.close();
            }
        } catch (Throwable e) {
            failure = e;
            full.clear();
        } finally {
            done.countDown();
        }
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (currentLen == chunkSize) {
            send();
        }
        current[currentLen++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        while (len > 0) {
            if (currentLen == chunkSize) {
                send();
            }
            int k = Math.min(len, chunkSize - currentLen);
            System.arraycopy(b, off, current, currentLen, k);
            currentLen += k;
            off += k;
            len -= k;
        }
    }

    private void send() throws IOException {
        if (currentLen == 0) {
            return;
        }
        put(new Chunk(current, currentLen));
        byte[] next = free.poll();
        current = next != null ? next : new byte[chunkSize];
        currentLen = 0;
    }

    private void put(Chunk c) throws IOException {
        try {
            while (!full.offer(c, 100, TimeUnit.MILLISECONDS)) {
                checkFailure();
                if (done.getCount() == 0) {
                    throw new IOException("pipeline consumer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing data");
        }
        checkFailure();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        checkFailure();
    }

    private void checkFailure() throws IOException {
        Throwable f = failure;
        if (f != null) {
            if (f instanceof IOException io) {
                throw new IOException(io.getMessage(), io);
            }
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
            throw new IOException(f);
        }
    }

    /** Hands over the partly filled chunk (does not wait for it to be written). */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        send();
    }

    /**
     * Writes the rest, waits for the consumer to write everything and close downstream. When that fails (an
     * interrupt, the consumer's error), the consumer is stopped as by {@link #abort()} and given a second to end
     * the chunk it is writing: the failed run leaves no thread behind.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        boolean finished = false;
        try {
            checkFailure();
            send();
            put(new Chunk(END, 0));
            consumer.join(); // its work done and the thread gone
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while finishing data");
        } finally {
            closed = true;
            if (!finished) {
                abort();
                awaitConsumer(1000);
            }
        }
        checkFailure();
    }

    /** Waits up to {@code millis} for the consumer thread to end, through interrupts (the flag stays set). */
    private void awaitConsumer(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        boolean interrupted = false;
        while (consumer.isAlive() && System.nanoTime() < deadline) {
            try {
                consumer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the consumer without writing what is still queued; downstream is left unclosed. */
    public void abort() {
        closed = true;
        aborted = true;
        full.clear();
        full.offer(new Chunk(END, 0));
    }
}
