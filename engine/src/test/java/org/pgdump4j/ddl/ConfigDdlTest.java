package org.pgdump4j.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** pg_dump's makeAlterConfigCommand: plain settings as one literal, list settings element by element. */
class ConfigDdlTest {
    @Test
    void aPlainSettingIsOneLiteral() {
        assertEquals("ALTER DATABASE \"My DB\" SET \"DateStyle\" TO 'iso, mdy';\n",
                ConfigDdl.alter("DATABASE", "My DB", null, null, "DateStyle=iso, mdy"));
        assertEquals("ALTER ROLE p4j_reader IN DATABASE db SET work_mem TO '7MB';\n",
                ConfigDdl.alter("ROLE", "p4j_reader", "DATABASE", "db", "work_mem=7MB"));
    }

    @Test
    void aListSettingIsWrittenElementByElement() {
        assertEquals("ALTER DATABASE db SET search_path TO 'app', '$user', 'public';\n",
                ConfigDdl.alter("DATABASE", "db", null, null, "search_path=app, \"$user\", public"));
        assertEquals("ALTER DATABASE db SET \"Search_Path\" TO 'a b', 'x\"y', '';\n",
                ConfigDdl.alter("DATABASE", "db", null, null, "Search_Path=\"a b\",\"x\"\"y\", \"\""));
        assertEquals("ALTER DATABASE db SET temp_tablespaces TO ;\n",
                ConfigDdl.alter("DATABASE", "db", null, null, "temp_tablespaces=a,"));
    }

    @Test
    void anItemWithoutEqualsSignIsSkipped() {
        assertEquals("", ConfigDdl.alter("DATABASE", "db", null, null, "nonsense"));
    }

    @Test
    void listsSplitAsTheServerQuotedThem() {
        assertEquals(List.of(), ConfigDdl.splitList("  "));
        assertEquals(List.of("a", "B c", "d"), ConfigDdl.splitList(" a ,\"B c\",d "));
        assertEquals(List.of("a b", "public", "", "x\"y"), ConfigDdl.splitList(" \"a b\" , public,\"\",\"x\"\"y\""));
        assertEquals(List.of("$user", "Public"), ConfigDdl.splitList("$user, Public"));
        assertNull(ConfigDdl.splitList("a,"));
        assertNull(ConfigDdl.splitList("a,,b"));
        assertNull(ConfigDdl.splitList("\"open"));
        assertNull(ConfigDdl.splitList("a b"));
    }
}
