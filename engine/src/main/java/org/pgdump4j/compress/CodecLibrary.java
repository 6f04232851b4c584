package org.pgdump4j.compress;

import org.pgdump4j.PgDumpException;

/**
 * The libraries behind the optional codecs. The engine declares them {@code optional}: a library user who never
 * writes zstd or lz4 does not carry zstd-jni's 7 MB of native code (the CLI ships both). Reading lz4 needs no
 * library (our own frame decoder); writing lz4, and zstd either way, fail with one line naming the artifact when
 * the library is absent or its native code cannot load, and only then.
 */
enum CodecLibrary {
    /** {@code Zstd}'s class initialiser loads the native library, so probing it checks that too. */
    ZSTD("zstd", "com.github.luben.zstd.Zstd", "com.github.luben:zstd-jni"),
    LZ4("lz4", "net.jpountz.lz4.LZ4Factory", "at.yawk.lz4:lz4-java");

    private final String method;
    private final String probe;
    private final String artifact;

    CodecLibrary(String method, String probe, String artifact) {
        this.method = method;
        this.probe = probe;
        this.artifact = artifact;
    }

    /**
     * Returns when the library is usable.
     *
     * @throws PgDumpException {@code compression method zstd needs the library com.github.luben:zstd-jni, which is
     *                         not on the class path}, or could not be loaded (with the JVM's reason)
     */
    void require() {
        try {
            Class.forName(probe, true, CodecLibrary.class.getClassLoader());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new PgDumpException("compression method " + method + " needs the library " + artifact
                    + ", which is not on the class path", e);
        } catch (LinkageError e) { // UnsatisfiedLinkError, ExceptionInInitializerError: the native part
            throw new PgDumpException("compression method " + method + " needs the library " + artifact
                    + ", which could not be loaded: " + e, e);
        }
    }
}
