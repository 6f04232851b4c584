package org.pgdump4j.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.Ownership;

/** ReadContext's rule for pg_catalog's objects (pg_dump's selectDumpableNamespace for pg_catalog, and dumpACL). */
class CatalogAclRuleTest {
    private static final long USER = 16400;

    private static Selector.Selection sel(Set<Long> excludedSchemas, Set<Long> includedExtensions, boolean named) {
        return new Selector.Selection(Set.of(USER), Set.of(), excludedSchemas, Set.of(), includedExtensions, Set.of(),
                named);
    }

    @Test
    void pgCatalogsPrivilegesAreDumpedUnlessNOrTNarrowOrNExcludes() {
        // no filters
        assertTrue(ReadContext.catalogAcls(sel(Set.of(), null, false), true));
        // -N of another schema, --exclude-extension: still a full dump
        assertTrue(ReadContext.catalogAcls(sel(Set.of(USER), null, false), true));
        // -N pg_catalog
        assertFalse(ReadContext.catalogAcls(sel(Set.of(ReadContext.PG_CATALOG), null, false), true));
        // -e alone narrows the dump but leaves pg_catalog's privileges in
        assertTrue(ReadContext.catalogAcls(sel(Set.of(), Set.of(1L), false), false));
        // -e with -n or -t, and -n or -t alone
        assertFalse(ReadContext.catalogAcls(sel(Set.of(), Set.of(1L), true), false));
        assertFalse(ReadContext.catalogAcls(sel(Set.of(), null, true), false));
        assertFalse(ReadContext.catalogAcls(sel(Set.of(ReadContext.PG_CATALOG), Set.of(1L), false), false));
    }

    @Test
    void onlyAChangedObjectGetsItsAclComponent() {
        Components acl = new Components(Components.ACL);
        assertEquals(acl, ReadContext.catalogObject(true, true));
        assertEquals(Components.NONE, ReadContext.catalogObject(true, false));
        assertEquals(Components.NONE, ReadContext.catalogObject(false, true));
        assertEquals(Components.NONE, ReadContext.catalogObject(false, false));
    }

    @Test
    void changedMeansADifferentSetOfItemsFromTheBaseline() {
        List<String> init = List.of("postgres=arwdDxt/postgres");
        assertFalse(new Ownership("postgres", null, init).changed(), "NULL is the default: nothing to write");
        assertFalse(new Ownership("postgres", init, init).changed());
        assertFalse(new Ownership("postgres", List.of("=r/postgres", "postgres=arwdDxt/postgres"),
                List.of("postgres=arwdDxt/postgres", "=r/postgres")).changed(), "order does not matter");
        assertTrue(new Ownership("postgres", List.of("postgres=arwdDxt/postgres", "p4j=r/postgres"), init).changed());
        assertTrue(new Ownership("postgres", List.of(), init).changed(), "everything revoked");
    }
}
