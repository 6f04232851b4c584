package org.pgdump4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.cli.Getopt.LongOption;
import org.pgdump4j.cli.Getopt.Occurrence;

/** glibc getopt_long behaviour, on a small table shaped like pg_dump's. */
class GetoptTest {
    private static final Getopt.Table TABLE = new Getopt.Table("abF:f:vZ:X", List.of(
            new LongOption("blobs", false, "b"),
            new LongOption("large-objects", false, "b"),
            new LongOption("file", true, "f"),
            new LongOption("format", true, "F"),
            new LongOption("binary-upgrade", false, "binary-upgrade"),
            new LongOption("verbose", false, "v"),
            new LongOption("version", false, "V"),
            new LongOption("schema", true, "n"),
            new LongOption("schema-only", false, "s")));

    private static Getopt.Result parse(String... args) {
        return Getopt.parse(TABLE, List.of(args));
    }

    private static String error(String... args) {
        return assertThrows(GetoptException.class, () -> parse(args)).getMessage();
    }

    @Test
    void shortClustersAndAttachedArguments() {
        assertEquals(List.of(new Occurrence("-F", "c"), new Occurrence("-Z", "9")), parse("-Fc", "-Z9").options());
        assertEquals(List.of(new Occurrence("-v", null), new Occurrence("-v", null), new Occurrence("-v", null)),
                parse("-vvv").options());
        assertEquals(List.of(new Occurrence("-v", null), new Occurrence("-a", null), new Occurrence("-f", "out")),
                parse("-vafout").options());
        assertEquals(List.of(new Occurrence("-v", null), new Occurrence("-f", "out")), parse("-vf", "out").options());
    }

    @Test
    void anArgumentMayLookLikeAnOption() {
        assertEquals(List.of(new Occurrence("-f", "-a")), parse("-f", "-a").options());
        assertEquals(List.of(new Occurrence("--file", "--verbose")), parse("--file", "--verbose").options());
    }

    @Test
    void longOptionsWithAndWithoutEquals() {
        assertEquals(List.of(new Occurrence("--file", "x=y"), new Occurrence("--format", "p")),
                parse("--file=x=y", "--format", "p").options());
        assertEquals(List.of(new Occurrence("--file", "")), parse("--file=").options());
    }

    @Test
    void unambiguousAbbreviations() {
        assertEquals(List.of(new Occurrence("--schema-only", null)), parse("--schema-o").options());
        assertEquals(List.of(new Occurrence("--format", "c")), parse("--form=c").options());
        // an exact match wins over longer names
        assertEquals(List.of(new Occurrence("--schema", "x")), parse("--schema", "x").options());
        // abbreviations matching only aliases of one option are not ambiguous
        assertEquals(List.of(new Occurrence("--large-objects", null)), parse("--l").options());
    }

    @Test
    void operandsAnywhereAndAfterDoubleDash() {
        Getopt.Result result = parse("db", "-v", "-", "--", "-a", "--file");
        assertEquals(List.of(new Occurrence("-v", null)), result.options());
        assertEquals(List.of("db", "-", "-a", "--file"), result.operands());
    }

    @Test
    void glibcMessages() {
        assertEquals("unrecognized option '--foo'", error("--foo"));
        assertEquals("unrecognized option '--foo=bar'", error("--foo=bar"));
        assertEquals("invalid option -- 'k'", error("-vk"));
        assertEquals("invalid option -- '?'", error("-?"));
        assertEquals("option requires an argument -- 'f'", error("-f"));
        assertEquals("option '--file' requires an argument", error("--file"));
        assertEquals("option '--schema' requires an argument", error("-v", "--schema"));
        assertEquals("option '--verbose' doesn't allow an argument", error("--verb=1"));
        assertEquals("option '--b' is ambiguous; possibilities: '--blobs' '--binary-upgrade'", error("--b"));
        assertEquals("option '--v' is ambiguous; possibilities: '--verbose' '--version'", error("--v"));
        assertEquals("option '--sche=a' is ambiguous; possibilities: '--schema' '--schema-only'", error("--sche=a"));
    }

    @Test
    void stopsAtTheFirstError() {
        assertEquals("unrecognized option '--foo'", error("--foo", "-k"));
        assertEquals("invalid option -- 'k'", error("-k", "--foo"));
    }

    @Test
    void acceptedButUnhandledLettersAreReturned() {
        assertEquals(List.of(new Occurrence("-X", null)), parse("-X").options());
    }
}
