package org.pgdump4j.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pgdump4j.sql.Keywords.Category;
import org.pgdump4j.sql.Keywords.Keyword;

class KeywordsTest {

    @Test
    void sizeAndCategoryCountsOfPostgres18() {
        assertEquals(494, Keywords.all().size());
        Map<Category, Long> counts = Keywords.all().stream()
                .collect(Collectors.groupingBy(Keyword::category, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of(Category.UNRESERVED, 330L, Category.COL_NAME, 63L, Category.TYPE_FUNC_NAME, 23L,
                Category.RESERVED, 78L), counts);
        assertEquals(39, Keywords.all().stream().filter(k -> !k.bareLabel()).count());
    }

    @Test
    void sortedInAsciiOrder() {
        List<String> words = Keywords.all().stream().map(Keyword::word).toList();
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(null);
        assertEquals(sorted, words);
    }

    @Test
    void lookups() {
        assertEquals(Optional.of(Category.RESERVED), Keywords.category("select"));
        assertEquals(Optional.of(Category.RESERVED), Keywords.category("SeLeCt"));
        assertEquals(Optional.of(Category.COL_NAME), Keywords.category("int"));
        assertEquals(Optional.of(Category.TYPE_FUNC_NAME), Keywords.category("authorization"));
        assertEquals(Optional.of(Category.UNRESERVED), Keywords.category("abort"));
        assertEquals(Optional.empty(), Keywords.category("foo"));
        assertEquals(Optional.empty(), Keywords.category(""));
        // a keyword folded only by ASCII rules: dotless i does not match
        assertEquals(Optional.empty(), Keywords.category("\u0130nt"));
    }

    @Test
    void newerKeywordsArePresent() {
        // json_table (17), merge_action (17), enforced (18), virtual (18)
        assertEquals(Optional.of(Category.COL_NAME), Keywords.category("json_table"));
        assertEquals(Optional.of(Category.COL_NAME), Keywords.category("merge_action"));
        assertEquals(Optional.of(Category.UNRESERVED), Keywords.category("enforced"));
        assertTrue(Keywords.lookup("virtual").isPresent());
    }

    @Test
    void bareLabels() {
        assertTrue(Keywords.lookup("abort").orElseThrow().bareLabel());
        assertFalse(Keywords.lookup("as").orElseThrow().bareLabel());
        assertFalse(Keywords.lookup("day").orElseThrow().bareLabel());
        assertFalse(Keywords.lookup("char").orElseThrow().bareLabel());
    }

    @Test
    void needsQuoting() {
        assertTrue(Keywords.needsQuoting("select"));
        assertTrue(Keywords.needsQuoting("int"));
        assertFalse(Keywords.needsQuoting("abort"));
        assertFalse(Keywords.needsQuoting("foo"));
    }
}
