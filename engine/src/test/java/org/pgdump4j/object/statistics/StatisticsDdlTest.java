package org.pgdump4j.object.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pgdump4j.model.Components;
import org.pgdump4j.model.ObjectId;
import org.pgdump4j.model.statistics.StatisticsObject;

class StatisticsDdlTest {
    private static StatisticsObject stx(String schema, String name, String def, Integer target) {
        return new StatisticsObject(new ObjectId(3381, 1), schema, name, "o", def, target, null, Components.ALL);
    }

    @Test
    void writesTheServersDefinitionWithASemicolon() {
        StatisticsObject s = stx("s", "st", "CREATE STATISTICS s.st ON a, b FROM s.t", null);
        assertEquals("CREATE STATISTICS s.st ON a, b FROM s.t;\n", StatisticsDdl.create(s));
        assertEquals("DROP STATISTICS s.st;\n", StatisticsDdl.drop(s));
    }

    @Test
    void aSetTargetFollowsAsAlterStatisticsQuoted() {
        StatisticsObject s = stx("Odd \"S\"", "St é", "CREATE STATISTICS \"Odd \"\"S\"\"\".\"St é\" ON a, b FROM t", 0);
        assertEquals("CREATE STATISTICS \"Odd \"\"S\"\"\".\"St é\" ON a, b FROM t;\n"
                + "ALTER STATISTICS \"Odd \"\"S\"\"\".\"St é\" SET STATISTICS 0;\n", StatisticsDdl.create(s));
        assertEquals("DROP STATISTICS \"Odd \"\"S\"\"\".\"St é\";\n", StatisticsDdl.drop(s));
    }
}
