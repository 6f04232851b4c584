package org.pgdump4j.toc;

import java.util.List;
import java.util.function.Consumer;

/**
 * pg_backup_archiver.c's check of a written TOC (ProcessArchiveRestoreOptions, when writing): a pre-data entry after
 * a data or post-data one, or a data entry after a post-data one, gets the warning "archive items not in correct
 * section order", once per such entry. Entries of no section (comments, ACLs) may stand anywhere.
 */
final class SectionOrder {
    static final String WARNING = "archive items not in correct section order";

    private SectionOrder() {
    }

    static void check(List<TocEntry> entries, Consumer<String> warnings) {
        Section current = Section.PRE_DATA;
        for (TocEntry e : entries) {
            Section s = e.section();
            if (s == Section.PRE_DATA && current != Section.PRE_DATA
                    || s == Section.DATA && current == Section.POST_DATA) {
                warnings.accept(WARNING);
            }
            if (s != Section.NONE) {
                current = s;
            }
        }
    }
}
