package org.pgdump4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build's packaging rules, read from the poms: the BOM lists exactly the published artifacts (every module
 * but those that skip deployment), with the project's version, and every jar module names its own Java module.
 */
class PackagingTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static Element pom(Path dir) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(dir.resolve("pom.xml").toFile());
        return d.getDocumentElement();
    }

    /** The text of the first direct child named {@code name}, or null. */
    private static String child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c.getTextContent().trim();
            }
        }
        return null;
    }

    private static Element element(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static List<String> modules() throws Exception {
        List<String> out = new ArrayList<>();
        NodeList list = element(pom(ROOT), "modules").getElementsByTagName("module");
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent().trim());
        }
        return out;
    }

    private static String property(Element pom, String name) {
        Element properties = element(pom, "properties");
        return properties == null ? null : child(properties, name);
    }

    @Test
    void theBomListsExactlyThePublishedArtifacts() throws Exception {
        assertTrue(Files.isRegularFile(ROOT.resolve("bom/pom.xml")), ROOT.toString());
        Set<String> published = new TreeSet<>();
        for (String module : modules()) {
            Element pom = pom(ROOT.resolve(module));
            if (!module.equals("bom") && !"true".equals(property(pom, "maven.deploy.skip"))) {
                published.add(child(pom, "artifactId"));
            }
        }
        Element bom = pom(ROOT.resolve("bom"));
        assertEquals(child(pom(ROOT), "version"), child(bom, "version"));
        Set<String> listed = new TreeSet<>();
        NodeList deps = element(bom, "dependencyManagement").getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            assertEquals("org.pgdump4j", child(d, "groupId"));
            assertEquals("${project.version}", child(d, "version"));
            listed.add(child(d, "artifactId"));
        }
        assertEquals(published, listed);
        assertTrue(published.containsAll(List.of("pgdump4j", "pgdump4j-engine", "pgdump4j-embedded", "pgdump4j-cli")),
                published.toString());
    }

    @Test
    void everyJarModuleNamesItsOwnJavaModule() throws Exception {
        String fallback = property(pom(ROOT), "module.name");
        Set<String> names = new HashSet<>();
        for (String module : modules()) {
            Element pom = pom(ROOT.resolve(module));
            String packaging = child(pom, "packaging");
            if (packaging != null && !packaging.equals("jar")) {
                continue;
            }
            String name = property(pom, "module.name");
            assertTrue(name != null && name.matches("org\\.pgdump4j(\\.[a-z]+)+"), module + ": " + name);
            assertNotEquals(fallback, name, module);
            assertTrue(names.add(name), "two modules named " + name);
        }
    }
}
