package org.pgdump4j.model.routine;

import java.util.List;
import org.pgdump4j.model.ZeroPadded;

/**
 * What names a routine: its name, its input argument types, and the server's two renderings of its arguments.
 *
 * @param arguments         {@code pg_get_function_arguments}: modes, names, defaults (the CREATE statement)
 * @param identityArguments {@code pg_get_function_identity_arguments}: what DROP, COMMENT and GRANT name it by
 */
public record Signature(String name, List<ArgType> argTypes, String arguments, String identityArguments) {
    public Signature {
        argTypes = List.copyOf(argTypes);
    }

    /**
     * pg_dump_sort.c's tie break for routines of one name: the argument count, then each argument type's schema
     * and name; encoded so that strcmp on the text orders as pg_dump does (NUL ends each name, as in C).
     */
    public String tiebreak() {
        StringBuilder sb = new StringBuilder(8 + argTypes.size() * 16);
        sb.append(ZeroPadded.of(argTypes.size(), 3));
        for (ArgType t : argTypes) {
            sb.append(t.schema()).append('\0').append(t.name()).append('\0');
        }
        return sb.toString();
    }
}
