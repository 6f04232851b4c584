package org.pgdump4j.toc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An archive's header facts plus its entries in archive order. A {@link StoredEntries} list is kept as it is (it is
 * immutable and read back from the archive on demand); any other list is copied.
 */
public record Toc(ArchiveInfo info, List<TocEntry> entries) {
    public Toc {
        Objects.requireNonNull(info, "info");
        entries = entries instanceof StoredEntries ? entries : List.copyOf(entries);
    }

    public Optional<TocEntry> first(EntryKind kind) {
        return entries.stream().filter(e -> e.is(kind)).findFirst();
    }
}
