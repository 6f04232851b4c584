package org.pgdump4j.format.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.codec.ArchiveInput;
import org.pgdump4j.archive.codec.ArchiveOutput;
import org.pgdump4j.archive.codec.HeaderCodec;
import org.pgdump4j.archive.codec.TocCodec;
import org.pgdump4j.toc.Toc;
import org.pgdump4j.toc.TocEntry;

/**
 * {@code toc.dat} of the directory and tar formats: the common header (format code 3) and the TOC, whose
 * per-entry extra field is the entry's file name Str. Encoding is the engine's shared codec
 * ({@link HeaderCodec}, {@link TocCodec#FILENAME}); this class only pairs entries with their file names.
 */
public final class TocDat {
    /** The format byte of toc.dat in both layouts (archive-format.md 3.3). */
    public static final int FORMAT_CODE = HeaderCodec.FORMAT_TAR;

    private TocDat() {
    }

    /**
     * What toc.dat holds.
     *
     * @param fileNames the file-name field per dumpId ("" for entries without data)
     */
    public record Contents(ArchiveHeader header, Toc toc, Map<Integer, String> fileNames) {
        public Contents {
            fileNames = Map.copyOf(fileNames);
        }

        public String fileName(TocEntry e) {
            return fileNames.getOrDefault(e.dumpId(), "");
        }
    }

    /**
     * Reads toc.dat; {@code name} is the file's name in messages. Corrupt input (wrong magic, unsupported
     * version, format byte other than 3, truncation) is an {@link org.pgdump4j.ArchiveFormatException} naming
     * {@code name} and the offset.
     */
    public static Contents read(InputStream in, String name) throws IOException {
        ArchiveInput input = ArchiveInput.of(in, name);
        ArchiveHeader header = HeaderCodec.read(input, FORMAT_CODE);
        List<TocCodec.Item<String>> items = TocCodec.read(input, header, TocCodec.FILENAME);
        Map<Integer, String> names = new HashMap<>();
        for (TocCodec.Item<String> item : items) {
            if (names.put(item.entry().dumpId(), item.extra()) != null) {
                throw new org.pgdump4j.ArchiveFormatException("duplicate TOC entry " + item.entry().dumpId()
                        + " in \"" + name + "\"");
            }
        }
        return new Contents(header, TocCodec.toc(header, items), names);
    }

    /** Writes toc.dat with {@code fileName} as every entry's extra field. */
    public static void write(OutputStream out, ArchiveHeader header, Toc toc, Function<TocEntry, String> fileName)
            throws IOException {
        ArchiveOutput output = ArchiveOutput.of(out);
        HeaderCodec.write(output, header);
        List<TocCodec.Item<String>> items = new ArrayList<>(toc.entries().size());
        for (TocEntry e : toc.entries()) {
            items.add(new TocCodec.Item<>(e, fileName.apply(e)));
        }
        TocCodec.write(output, header.version(), items, TocCodec.FILENAME);
        output.flush();
    }
}
