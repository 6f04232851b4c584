package org.pgdump4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgdump4j.catalog.coverage.Gap;

class UnsupportedObjectsExceptionTest {
    @Test
    void namesEachKindWithItsCountAndFirstObjects() {
        var e = new UnsupportedObjectsException(List.of(new Gap("FUNCTION", "s.a()"), new Gap("FUNCTION", "s.b()"),
                new Gap("FUNCTION", "s.c()"), new Gap("FUNCTION", "s.d()"), new Gap("TRIGGER", "tr on s.t")));
        assertEquals("cannot dump 5 objects of kinds pgdump4j does not support yet: FUNCTION (4): s.a(), s.b(), s.c(), "
                + "...; TRIGGER (1): tr on s.t; leave them out with -n/-N/-t/-T (or -a, -x where they are "
                + "definitions or privileges)", e.getMessage());
        assertEquals(5, e.gaps().size());
    }

    @Test
    void staysOneLineWhateverTheNamesHold() {
        var e = new UnsupportedObjectsException(List.of(new Gap("TYPE", "s.\"a\nb\r\"")));
        assertEquals("cannot dump 1 object of kinds pgdump4j does not support yet: TYPE (1): s.\"a b \"; leave them "
                + "out with -n/-N/-t/-T (or -a, -x where they are definitions or privileges)", e.getMessage());
    }
}
