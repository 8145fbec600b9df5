package io.jvppmux.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** jvppmux-bom manages every library module at the project's version, and brings nothing else. */
class BomTest {
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    private static Document read(String pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve(pom).toFile());
    }

    /** The text of the first {@code name} element directly under {@code parent}, or null. */
    private static String child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    @Test
    void theBomManagesEveryLibraryModuleAtTheProjectVersionAndNothingElse() throws Exception {
        Element bom = read("bom/pom.xml").getDocumentElement();
        Element parent = read("pom.xml").getDocumentElement();
        assertThat(child(bom, "artifactId")).isEqualTo("jvppmux-bom");
        assertThat(child(bom, "version")).as("the BOM's version is the project's").isEqualTo(child(parent, "version"));
        assertThat(child(bom, "parent")).as("no parent: its dependencyManagement would be imported too").isNull();
        assertThat(child(parent, "modules")).as("the BOM is built with the project").contains("bom");

        List<String> managed = new ArrayList<>();
        NodeList deps = bom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            assertThat(child(d, "groupId")).isEqualTo("io.jvppmux");
            assertThat(child(d, "version")).isEqualTo("${project.version}");
            managed.add(child(d, "artifactId"));
        }
        assertThat(managed).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(LibraryModule.values()).map(m -> m.artifactId).toList());
    }
}
