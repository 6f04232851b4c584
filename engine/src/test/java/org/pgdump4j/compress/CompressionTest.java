package org.pgdump4j.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pgdump4j.UsageException;

/** {@code -Z} spellings and errors, as pg_dump 18 accepts and words them (checked against the real binary). */
class CompressionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|none", "''|none", "5|gzip:level=5", "-1|gzip", " 5|gzip:level=5", "gzip|gzip", "gzip:5|gzip:level=5",
        "gzip:level=3|gzip:level=3", "gzip:-1|gzip", "lz4|lz4", "lz4:0|lz4", "lz4:level=3|lz4:level=3", "zstd|zstd",
        "zstd:long|zstd:long", "zstd:long=off|zstd", "zstd:-7|zstd:level=-7", "zstd:level=3,long|zstd:long",
        "zstd:level=9,long=on|zstd:level=9,long", "zstd:workers=2|zstd", "none|none", "none:0|none"})
    void accepts(String spec, String expected) {
        assertEquals(expected, Compression.parse(spec).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10|invalid compression specification: compression algorithm \"gzip\" expects a compression level between 1 and 9 (default at -1)",
        "gzip:0|invalid compression specification: compression algorithm \"gzip\" expects a compression level between 1 and 9 (default at -1)",
        "gzip:long|invalid compression specification: compression algorithm \"gzip\" does not support long-distance mode",
        "lz4:13|invalid compression specification: compression algorithm \"lz4\" expects a compression level between 1 and 12 (default at 0)",
        "zstd:23|invalid compression specification: compression algorithm \"zstd\" expects a compression level between -131072 and 22 (default at 3)",
        "zstd:level|invalid compression specification: compression option \"level\" requires a value",
        "zstd:level=x|invalid compression specification: value for compression option \"level\" must be an integer",
        "zstd:foo|invalid compression specification: unrecognized compression option: \"foo\"",
        "none:1|invalid compression specification: compression algorithm \"none\" does not accept a compression level",
        "brotli|unrecognized compression algorithm: \"brotli\"",
        "gzip:|invalid compression specification: found empty string where a compression option was expected",
        "5:|unrecognized compression algorithm: \"5\"",
        "GZIP|unrecognized compression algorithm: \"GZIP\"",
        "zstd:long=maybe|invalid compression specification: value for compression option \"long\" must be a Boolean value",
        "lz4:workers=2|invalid compression specification: compression algorithm \"lz4\" does not accept a worker count"})
    void rejects(String spec, String message) {
        assertEquals(message, assertThrows(UsageException.class, () -> Compression.parse(spec)).getMessage());
    }

    @Test
    void defaultsPerFormat() {
        assertEquals(Compression.GZIP_DEFAULT, Compression.defaultFor("custom"));
        assertEquals(Compression.GZIP_DEFAULT, Compression.defaultFor("d"));
        assertEquals(Compression.NONE, Compression.defaultFor("tar"));
        assertEquals(Compression.NONE, Compression.defaultFor("plain"));
    }
}
