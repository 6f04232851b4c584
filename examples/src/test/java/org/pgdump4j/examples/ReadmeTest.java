package org.pgdump4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Use as a library" code is ReadmeExample's, which compiles here and which ExampleIT runs. */
class ReadmeTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLE = Path.of("src/main/java/org/pgdump4j/examples/ReadmeExample.java");

    @Test
    void theReadmesCodeIsTheExamplesCode() throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf("\n## Use as a library\n");
        assertTrue(section >= 0, "README has no \"Use as a library\" section");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String code = readme.substring(start, readme.indexOf("```\n", start));
        assertEquals(dedent(region(Files.readAllLines(EXAMPLE))), code);
    }

    @Test
    void theReadmeNamesTheOneArtifact() throws IOException {
        String readme = Files.readString(README);
        String section = readme.substring(readme.indexOf("\n## Use as a library\n"));
        assertTrue(section.contains("<groupId>org.pgdump4j</groupId>")
                && section.contains("<artifactId>pgdump4j</artifactId>"), section);
    }

    /** The lines between "// README begin" and "// README end". */
    private static List<String> region(List<String> lines) {
        int from = -1;
        int to = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("// README begin")) {
                from = i + 1;
            } else if (lines.get(i).strip().equals("// README end")) {
                to = i;
            }
        }
        assertTrue(from > 0 && to > from, "README markers missing in " + EXAMPLE);
        return lines.subList(from, to);
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            out.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return out.toString();
    }
}
