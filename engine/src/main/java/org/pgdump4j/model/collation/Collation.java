package org.pgdump4j.model.collation;

import org.jspecify.annotations.Nullable;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.FamilyObject;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.ObjectKind;
import org.pgdump4j.model.ZeroPadded;

/**
 * A collation (pg_collation), its version differences smoothed away: an ICU collation's locale is in
 * {@code locale} on every server (before 15 the catalog kept it in collcollate and collctype, which are then null
 * here), a libc collation has {@code collate} and {@code ctype}. The collation version is not kept: pg_dump writes
 * it only for binary upgrades.
 *
 * @param encoding      collencoding (-1 for any); breaks ties of equal names in the sort
 * @param provider      collprovider: {@code c} libc, {@code i} ICU, {@code b} builtin (17+), {@code d} default
 * @param deterministic collisdeterministic (always true before 12)
 * @param icuRules      collicurules (16+), or null
 */
public record Collation(ObjectId id, String schema, String name, String owner, int encoding, char provider,
        boolean deterministic, @Nullable String collate, @Nullable String ctype, @Nullable String locale,
        @Nullable String icuRules, @Nullable String comment, Components components) implements FamilyObject {
    @Override
    public ObjectKind kind() {
        return ObjectKind.COLLATION;
    }

    @Override
    public String sortName() {
        return name;
    }

    /** pg_dump_sort.c compares collencoding as a signed number: zero-padded from -1 up, strcmp orders the same. */
    @Override
    public String tiebreak() {
        return ZeroPadded.of((long) encoding + Integer.MAX_VALUE + 1L, 11);
    }
}
