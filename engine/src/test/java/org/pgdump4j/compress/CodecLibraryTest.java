package org.pgdump4j.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The engine on a class path without lz4-java and zstd-jni (its optional dependencies): zstd and writing lz4 fail
 * with one line naming the artifact, when used and only then; reading lz4 and the other methods work.
 */
class CodecLibraryTest {
    private static final byte[] TEXT = "COPY t FROM stdin;\n1\tone\n\\.\n".getBytes(StandardCharsets.UTF_8);

    /** The engine's own classes over the JDK's: what a user who did not add the codecs has. */
    private static ClassLoader withoutCodecLibraries() {
        URL engine = Compression.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {engine}, ClassLoader.getPlatformClassLoader());
    }

    /** {@code Compression.parse(spec).codec()} loaded by {@code loader}. */
    private static Object codec(ClassLoader loader, String spec) throws Throwable {
        Class<?> compression = loader.loadClass(Compression.class.getName());
        try {
            Object parsed = compression.getMethod("parse", String.class).invoke(null, spec);
            return compression.getMethod("codec").invoke(parsed);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object call(Object codec, String method, Class<?> type, Object arg) throws Throwable {
        try {
            return codec.getClass().getMethod(method, type).invoke(codec, arg);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void zstdFailsWithOneLineNamingTheArtifact() {
        Throwable e = assertThrows(Throwable.class, () -> codec(withoutCodecLibraries(), "zstd:5"));
        assertEquals("org.pgdump4j.PgDumpException", e.getClass().getName());
        assertEquals("compression method zstd needs the library com.github.luben:zstd-jni, which is not on the class"
                + " path", e.getMessage());
    }

    @Test
    void lz4ReadsWithoutTheLibraryAndRefusesToWrite() throws Throwable {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        try (OutputStream out = new Lz4Codec(0).compressBlock(frame)) {
            out.write(TEXT);
        }
        Object lz4 = codec(withoutCodecLibraries(), "lz4");
        try (InputStream in = (InputStream) call(lz4, "decompressBlock", InputStream.class,
                new ByteArrayInputStream(frame.toByteArray()))) {
            assertArrayEquals(TEXT, in.readAllBytes());
        }
        Throwable e = assertThrows(Throwable.class,
                () -> call(lz4, "compressBlock", OutputStream.class, new ByteArrayOutputStream()));
        assertEquals("compression method lz4 needs the library at.yawk.lz4:lz4-java, which is not on the class path",
                e.getMessage());
    }

    @Test
    void gzipAndNoneNeedNoLibrary() throws Throwable {
        for (String spec : new String[] {"gzip:1", "none"}) {
            Object codec = codec(withoutCodecLibraries(), spec);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream out = (OutputStream) call(codec, "compressFile", OutputStream.class, sink)) {
                out.write(TEXT);
            }
            try (InputStream in = (InputStream) call(codec, "decompressFile", InputStream.class,
                    new ByteArrayInputStream(sink.toByteArray()))) {
                assertArrayEquals(TEXT, in.readAllBytes(), spec);
            }
        }
    }

    @Test
    void withTheLibrariesBothCodecsWork() throws Exception {
        CodecLibrary.ZSTD.require();
        CodecLibrary.LZ4.require();
        for (String spec : new String[] {"zstd", "lz4"}) {
            CompressionCodec codec = Compression.parse(spec).codec();
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream out = codec.compressBlock(sink)) {
                out.write(TEXT);
            }
            try (InputStream in = codec.decompressBlock(new ByteArrayInputStream(sink.toByteArray()))) {
                assertArrayEquals(TEXT, in.readAllBytes(), spec);
            }
        }
    }
}
