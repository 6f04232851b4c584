package org.pgdump4j.dumpall;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/** The script's own text, in the client encoding; flushed before each database's dump writes after it. */
record Script(OutputStream out, Charset charset) {
    void print(String s) throws IOException {
        out.write(s.getBytes(charset));
    }

    void flush() throws IOException {
        out.flush();
    }
}
