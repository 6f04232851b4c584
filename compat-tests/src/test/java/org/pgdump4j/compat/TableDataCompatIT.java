package org.pgdump4j.compat;

import java.util.List;

/**
 * The data rules (fixtures/table-data.sql) against real pg_dump 18: --exclude-table-data on tables, a sequence, a
 * partitioned parent (its partitions keep their rows) and materialized views; --exclude-table-data-and-children on
 * a partition tree and an inheritance tree; --no-unlogged-table-data; with -a (a referenced table's rows left out)
 * and --statistics (a materialized view's statistics stay in their section when its REFRESH goes); exclusion
 * patterns never strict. psql 18 restores the dump with the same rows.
 */
class TableDataCompatIT extends FamilyCompatCase {
    @Override
    String fixture() {
        return "table-data.sql";
    }

    @Override
    List<List<String>> optionSets() {
        return List.of(List.of(),
                List.of("--exclude-table-data=td.plain", "--exclude-table-data", "td.seq"),
                List.of("--no-unlogged-table-data"),
                List.of("--exclude-table-data=td.par", "--exclude-table-data=td.inh"),
                List.of("--exclude-table-data-and-children=td.par", "--exclude-table-data-and-children=td.inh"),
                List.of("--exclude-table-data=td.mv"),
                List.of("--exclude-table-data=td.mv_over", "--statistics"),
                List.of("--exclude-table-data=td.mv", "--statistics"),
                List.of("-a", "--exclude-table-data=td.plain", "--exclude-table-data=td.serial*"),
                List.of("--exclude-table-data=td.*", "--no-unlogged-table-data", "-t", "td.ul*"),
                List.of("--exclude-table-data=nosuch", "--strict-names"));
    }
}
