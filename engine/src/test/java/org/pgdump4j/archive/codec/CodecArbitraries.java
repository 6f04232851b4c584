package org.pgdump4j.archive.codec;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.pgdump4j.archive.ArchiveHeader;
import org.pgdump4j.archive.ArchiveVersion;
import org.pgdump4j.compress.Compression;
import org.pgdump4j.toc.ArchiveInfo;
import org.pgdump4j.toc.CatalogId;
import org.pgdump4j.toc.Section;
import org.pgdump4j.toc.TocEntry;

/** Generators of headers and TOC entries as each writable version can represent them. */
final class CodecArbitraries {
    private CodecArbitraries() {
    }

    static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange('\u0001', '\uD7FF').ofMaxLength(40);
    }

    static Arbitrary<String> nullableText() {
        return text().injectNull(0.2);
    }

    static Arbitrary<String> nonEmptyOrEmpty() {
        // "" and NULL definitions both read back as "": generate "" (never NULL) for the model's strings
        return text();
    }

    static Arbitrary<TocEntry> entry(ArchiveVersion v) {
        Arbitrary<TocEntry.EntryNames> names = Combinators.combine(text(), nullableText(), nullableText(),
                nullableText(), nullableText()).as((tag, ns, owner, ts, am) ->
                new TocEntry.EntryNames(tag, ns, owner, ts, v.atLeast(ArchiveVersion.V1_14) ? am : null));
        Arbitrary<TocEntry.EntrySql> sql = Combinators.combine(text(), text(), nullableText())
                .as(TocEntry.EntrySql::new);
        Arbitrary<Character> relkind = v.atLeast(ArchiveVersion.V1_16)
                ? Arbitraries.of('\0', 'r', 'v', 'm', 'p', 'f') : Arbitraries.just('\0');
        Arbitrary<CatalogId> ids = Combinators.combine(Arbitraries.longs().between(0, 0xFFFFFFFFL),
                Arbitraries.longs().between(0, 0xFFFFFFFFL)).as(CatalogId::new);
        return Combinators.combine(Arbitraries.integers().between(1, Integer.MAX_VALUE), ids, text(),
                Arbitraries.of(Section.class), names, sql,
                Arbitraries.integers().between(-5, 100000).list().ofMaxSize(6), Arbitraries.of(true, false))
                .as((id, cid, desc, sec, n, s, deps, data) -> new TocEntry(id, cid, desc, sec, n, s, deps, data))
                .flatMap(e -> relkind.map(rk -> new TocEntry(e.dumpId(), e.catalogId(), e.desc(), e.section(),
                        e.names(), e.sql(), e.dependencies(), e.hasData(), rk)));
    }

    static Arbitrary<ArchiveVersion> writableVersion() {
        return Arbitraries.of(HeaderCodec.WRITABLE).flatMap(v ->
                Arbitraries.integers().between(0, 255).map(r -> new ArchiveVersion(v.major(), v.minor(), r)));
    }

    static Arbitrary<Compression> compression(ArchiveVersion v) {
        Arbitrary<Compression> gzip = Arbitraries.integers().between(0, 9)
                .map(l -> l == 0 ? Compression.NONE : new Compression(Compression.Method.GZIP, l));
        if (!v.atLeast(ArchiveVersion.V1_15)) {
            return Arbitraries.oneOf(gzip, Arbitraries.just(Compression.GZIP_DEFAULT));
        }
        // 1.15+ store only the algorithm: the level reads back as the default
        return Arbitraries.of(Compression.Method.class).map(m -> m == Compression.Method.NONE ? Compression.NONE
                : new Compression(m, Compression.DEFAULT_LEVEL));
    }

    static Arbitrary<ArchiveHeader> header() {
        return writableVersion().flatMap(v -> Combinators.combine(compression(v), Arbitraries.of(1, 3), text(),
                nullableText(), nullableText(),
                Arbitraries.longs().between(0, 4_000_000_000L)).as((c, fmt, db, sv, dv, secs) ->
                new ArchiveHeader(v, 4, 8, fmt, c, new ArchiveInfo(db, sv, dv,
                        ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(secs), ZoneId.systemDefault())))));
    }

    static List<ArchiveVersion> writable() {
        return HeaderCodec.WRITABLE;
    }
}
