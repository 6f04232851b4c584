package org.pgdump4j.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pgdump4j.dump.ContentFlags;
import org.pgdump4j.toc.Section;

/** pg_dump's {@code --section} values (set_dump_section): repeatable, each one of the three names. */
final class DumpSections {
    private DumpSections() {
    }

    /**
     * The sections named, all three when none is.
     *
     * @throws UsageHintException {@code unrecognized section name: "x"} (with pg_dump's hint), on the first bad one
     */
    static Set<Section> parse(List<String> names) {
        if (names.isEmpty()) {
            return ContentFlags.ALL_SECTIONS;
        }
        Set<Section> out = EnumSet.noneOf(Section.class);
        for (String name : names) {
            out.add(switch (name) {
                case "pre-data" -> Section.PRE_DATA;
                case "data" -> Section.DATA;
                case "post-data" -> Section.POST_DATA;
                default -> throw new UsageHintException("unrecognized section name: \"" + name + "\"");
            });
        }
        return out;
    }
}
