package org.pgdump4j.format.tar;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import org.pgdump4j.format.directory.Blobs;

/** Where a tar reader gets its members: a seekable file or a stream. */
interface TarSource extends Closeable {
    /** The archive's name in messages. */
    String name();

    /** The first member, which must be named {@code name}. */
    InputStream first(String name) throws IOException;

    /** The member {@code name}; {@code what} says what it holds, for messages. */
    InputStream open(String name, String what) throws IOException;

    /** The large objects of one BLOBS entry whose list member is {@code listName}. */
    void blobs(String listName, String what, Blobs.Consumer consumer) throws IOException;

    boolean isRandomAccess();

    /** The OID of a {@code blob_<oid>.dat} member, or 0 when the name is not one (pg_restore's atooid). */
    static long blobOid(String member) {
        if (!member.startsWith("blob_")) {
            return 0;
        }
        long v = 0;
        int i = 5;
        while (i < member.length() && Character.isDigit(member.charAt(i)) && v <= 0xFFFF_FFFFL) {
            v = v * 10 + (member.charAt(i) - '0');
            i++;
        }
        return v > 0xFFFF_FFFFL ? 0 : v;
    }
}
