package org.pgdump4j.cli;

import java.io.InputStream;

/**
 * pg_dumpall's read_dumpall_filters: {@code exclude database PATTERN} rules join the {@code --exclude-database}
 * patterns; an include rule is "not allowed" and any other type an "unsupported filter object", in pg_dumpall
 * 18's words with the rule's line.
 */
final class DumpallFilters {
    private DumpallFilters() {
    }

    static void apply(DumpallCommand d, InputStream stdin) {
        for (String file : d.filters) {
            FilterFile.read(file, stdin, item -> {
                if (item.include()) {
                    throw FilterFile.notAllowed(file, item);
                }
                if (item.type() != FilterFile.Type.DATABASE) {
                    throw FilterFile.rejected(file, item, "unsupported filter object");
                }
                d.excludeDatabases.add(item.pattern());
            });
        }
    }
}
