package org.visaport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The images profile (Jib, in the parent POM) against what it must agree with, since no image can be built here (no
 * registry to pull the base from): the JVM options the local stack proved, and each service's port.
 */
class ImageConfigurationTest {

    private static final Path PROJECT = Path.of("..");

    @Test
    void runsTheServicesWithTheLocalStacksOptionsButTheDefaultCompilerAndAHeapThatFollowsTheContainer() throws Exception {
        List<String> expected = new ArrayList<>(JvmOptions.service());
        expected.remove("-XX:TieredStopAtLevel=1");
        expected.replaceAll(option -> option.equals("-Xmx256m") ? "-XX:MaxRAMPercentage=50" : option);

        assertThat(texts(imagesProfile(), "jvmFlag")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void buildsJustTheServicesAndTheGatewayAsANonRootUser() throws Exception {
        Element profile = imagesProfile();
        assertThat(texts(profile, "user")).containsExactly("1000:1000");
        assertThat(texts(profile, "image")).contains("${images.registry}visaport/${project.artifactId}:${project.version}");
        assertThat(property(pom(PROJECT.resolve("pom.xml")), "jib.skip")).isEqualTo("true");
        for (ServiceSpec service : ServiceSpec.ALL) {
            assertThat(property(pom(PROJECT.resolve(service.module()).resolve("pom.xml")), "jib.skip")).as(service.module()).isEqualTo("false");
        }
    }

    @Test
    void exposesThePortEachServiceListensOnByDefault() throws Exception {
        Pattern serverPort = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}");
        for (ServiceSpec service : ServiceSpec.ALL) {
            String configuration = Files.readString(PROJECT.resolve(service.module()).resolve("src/main/resources/application.yaml"));
            Matcher port = serverPort.matcher(configuration);
            assertThat(port.find()).as(service.module()).isTrue();

            assertThat(property(pom(PROJECT.resolve(service.module()).resolve("pom.xml")), "image.port")).as(service.module())
                    .isEqualTo(port.group(1));
        }
    }

    private static Element imagesProfile() throws Exception {
        NodeList profiles = pom(PROJECT.resolve("pom.xml")).getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (texts(profile, "id").contains("images")) {
                return profile;
            }
        }
        throw new AssertionError("no images profile in the parent POM");
    }

    private static Document pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String property(Document pom, String name) {
        NodeList properties = pom.getDocumentElement().getElementsByTagName("properties");
        for (int i = 0; i < properties.getLength(); i++) {
            NodeList values = ((Element) properties.item(i)).getElementsByTagName(name);
            if (values.getLength() > 0) {
                return values.item(0).getTextContent().trim();
            }
        }
        return null;
    }

    private static List<String> texts(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }
}
