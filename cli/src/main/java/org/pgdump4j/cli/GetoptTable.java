package org.pgdump4j.cli;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a pg_dump-family program hands to {@code getopt_long}, copied from its C source (18.x) so that
 * abbreviations and error texts come out the same.
 *
 * @param optstring   the short options ({@code "abBcCd:..."})
 * @param longOptions the long option names in the order of the program's {@code struct option} table;
 *                    aliases listed in place
 * @param hintOnly    names ({@code "-X"}, {@code "--help"}) that getopt accepts but the program's option loop
 *                    rejects with only the hint
 */
record GetoptTable(String optstring, List<String> longOptions, Set<String> hintOnly) {
    GetoptTable {
        Objects.requireNonNull(optstring, "optstring");
        longOptions = List.copyOf(longOptions);
        hintOnly = Set.copyOf(hintOnly);
    }
}
