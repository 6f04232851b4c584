package org.pgdump4j.dump;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.dump.inserts.InsertMode;

/**
 * How table data is written and loaded.
 *
 * @param inserts         INSERT statements instead of COPY ({@code --inserts}, {@code --column-inserts},
 *                        {@code --rows-per-insert}, {@code --on-conflict-do-nothing}); null for COPY
 * @param disableTriggers {@code --disable-triggers}: a data-only script disables each table's triggers around its
 *                        data (an archive does not record it: pg_restore is told again)
 * @param superuser       {@code -S}: whom a script becomes for that, null for the session's user
 */
public record DataOptions(@Nullable InsertMode inserts, boolean disableTriggers, @Nullable String superuser) {
    public static final DataOptions COPY = new DataOptions(null, false, null);
}
