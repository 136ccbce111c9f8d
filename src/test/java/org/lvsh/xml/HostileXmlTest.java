package org.lvsh.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hostile daemon could send: each is refused with a clear one-line message, nothing is fetched. */
class HostileXmlTest {
    private static final String DTD = "refusing XML with a document type declaration (DTD)";

    @TempDir
    Path dir;

    @Test
    void billionLaughs() {
        StringBuilder xml = new StringBuilder("<?xml version='1.0'?>\n<!DOCTYPE capabilities [\n"
                + " <!ENTITY lol0 'lol'>\n");
        for (int i = 1; i <= 9; i++) {
            String prev = "&lol" + (i - 1) + ";";
            xml.append(" <!ENTITY lol").append(i).append(" '").append(prev.repeat(10)).append("'>\n");
        }
        xml.append("]>\n<capabilities><host><uuid>&lol9;</uuid></host></capabilities>\n");
        assertRefused(DTD, xml.toString());
    }

    @Test
    void externalEntityReadingALocalFile() throws IOException {
        String marker = "LVSH-XXE-" + UUID.randomUUID();
        Path secret = Files.writeString(dir.resolve("secret.txt"), marker);
        String uri = secret.toUri().toString();
        String[] documents = {
            "<!DOCTYPE capabilities [<!ENTITY x SYSTEM '" + uri + "'>]>"
                    + "<capabilities><host><uuid>&x;</uuid></host></capabilities>",
            "<?xml version='1.0'?><!DOCTYPE capabilities SYSTEM '" + uri + "'>"
                    + "<capabilities><host><uuid>u</uuid></host></capabilities>",
            "<!DOCTYPE capabilities PUBLIC '-//x//y' '" + uri + "'><capabilities><host/></capabilities>",
        };
        for (String xml : documents) {
            XmlRefused e = assertRefused(DTD, xml);
            assertNoMarker(marker, e);
        }
    }

    @Test
    void parameterEntities() throws IOException {
        String marker = "LVSH-PE-" + UUID.randomUUID();
        Path secret = Files.writeString(dir.resolve("pe.txt"), marker);
        Path dtd = Files.writeString(dir.resolve("evil.dtd"),
                "<!ENTITY % file SYSTEM '" + secret.toUri() + "'>\n<!ENTITY % all \"<!ENTITY send '%file;'>\">\n%all;\n");
        String xml = "<!DOCTYPE capabilities [<!ENTITY % remote SYSTEM '" + dtd.toUri() + "'> %remote;]>"
                + "<capabilities><host><uuid>&send;</uuid></host></capabilities>";
        assertNoMarker(marker, assertRefused(DTD, xml));
    }

    /** An external DTD on a local port: the refusal must come before any connection is attempted. */
    @Test
    void externalDtdIsNeverFetched() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil.dtd";
            assertRefused(DTD, "<!DOCTYPE capabilities SYSTEM '" + url + "'><capabilities><host/></capabilities>");
            assertRefused(DTD, "<!DOCTYPE c [<!ENTITY x SYSTEM '" + url + "'>]><c>&x;</c>");
            server.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, server::accept);
        }
    }

    @Test
    void undeclaredEntityWithoutADtd() {
        assertRefused("malformed XML from libvirt: Undeclared general entity \"x\" (line 1, column 29)",
                "<capabilities><host><uuid>&x;</uuid></host></capabilities>");
    }

    @Test
    void tooLarge() {
        String xml = "<capabilities>" + " ".repeat(SafeXml.MAX_BYTES) + "</capabilities>";
        assertRefused("XML document is too large (33554461 bytes, limit 33554432)", xml);
    }

    /** Fewer chars than the limit, more bytes: the limit is in bytes as libvirt sends them (UTF-8). */
    @Test
    void tooLargeInUtf8() {
        String xml = "<c>" + "\u00e9".repeat(SafeXml.MAX_BYTES / 2) + "</c>";
        assertRefused("XML document is too large (33554439 bytes, limit 33554432)", xml);
    }

    @Test
    void deeplyNested() {
        int depth = 100_000;
        String xml = "<a>".repeat(depth) + "</a>".repeat(depth);
        assertRefused("XML document is nested too deeply (limit 100 levels)", xml);
    }

    @Test
    void nestingUpToTheLimitIsFine() {
        String atLimit = "<a>".repeat(SafeXml.MAX_DEPTH) + "</a>".repeat(SafeXml.MAX_DEPTH);
        SafeXml.read(atLimit, JsonNode.class);
        String over = "<a>".repeat(SafeXml.MAX_DEPTH + 1) + "</a>".repeat(SafeXml.MAX_DEPTH + 1);
        assertRefused("XML document is nested too deeply (limit 100 levels)", over);
    }

    @Test
    void oversizedAttributes() {
        assertRefused("XML document exceeds a parser limit: Maximum attribute size limit (524288) exceeded",
                "<capabilities><host><uuid a='" + "x".repeat(600_000) + "'/></host></capabilities>");
        StringBuilder many = new StringBuilder("<capabilities><host");
        for (int i = 0; i < 2000; i++) {
            many.append(" a").append(i).append("='1'");
        }
        assertRefused("XML document exceeds a parser limit: Attribute limit (1000) exceeded",
                many.append("/></capabilities>").toString());
    }

    @Test
    void malformed() {
        assertRefused("malformed XML from libvirt: empty document", "");
        assertRefused("malformed XML from libvirt: empty document", null);
        assertRefused("malformed XML from libvirt: Unexpected EOF in prolog (line 1, column 23)",
                "<!-- only a comment -->");
        assertRefused("malformed XML from libvirt: Unexpected EOF in prolog (line 1, column 2)", "  ");
        assertRefused("malformed XML from libvirt: Unexpected close tag </capabilities>; expected </host>."
                + " (line 1, column 34)", "<capabilities><host></capabilities>");
        assertRefused("malformed XML from libvirt: Unexpected EOF; was expecting a close tag for element <host>"
                + " (line 1, column 20)", "<capabilities><host>");
        assertRefused("malformed XML from libvirt: Illegal to have multiple roots (start tag in epilog?)."
                + " (line 1, column 38)", "<capabilities><host/></capabilities><capabilities/>");
        assertRefused("malformed XML from libvirt: Unexpected character 'e' (code 101) in prolog; expected '<'"
                + " (line 1, column 1)", "error: not XML at all");
        assertRefused("malformed XML from libvirt: Duplicate attribute 'id'. (line 1, column 58)",
                "<capabilities><host><topology><cells><cell id='0' id='1'/></cells></topology></host>"
                        + "</capabilities>");
    }

    /** Messages may quote the document: they stay on one line, without terminal control characters. */
    @Test
    void messagesAreOneCleanLine() {
        assertRefused("malformed XML from libvirt: Illegal character ((CTRL-CHAR, code 27)) (line 1, column 15)",
                "<capabilities>\u001b[2J\u0007<host></capabilities>");
        // C1 controls (CSI is 0x9b) and newlines are legal XML characters.
        assertRefused("malformed XML from libvirt: unknown unit '?2J?x' (cell memory)",
                "<capabilities><host><topology><cells><cell><memory unit='&#x9b;2J&#10;x'>1</memory></cell>"
                        + "</cells></topology></host></capabilities>");
        XmlRefused e = assertThrows(XmlRefused.class, () -> CapabilitiesParser.parse(
                "<capabilities><host><uuid>" + "x".repeat(500) + "</uuid><cpu><topology sockets='"
                        + "9".repeat(300) + "'/></cpu></host></capabilities>"));
        assertEquals(XmlErrors.MALFORMED.length() + 160 + "...".length(), e.getMessage().length());
        assertTrue(e.getMessage().endsWith("9999..."), e.getMessage());
    }

    @Test
    void textWhereElementsBelong() {
        assertRefused("malformed XML from libvirt: unexpected content at host/cpu/topology (line 1, column 40)",
                "<capabilities><host><cpu><topology>text</topology></cpu></host></capabilities>");
        assertRefused("malformed XML from libvirt: unexpected content at host/topology/cells/cell[0]/cpus"
                + " (line 1, column 60)", "<capabilities><host><topology><cells><cell id='0'><cpus>abc</cpus>"
                + "</cell></cells></topology></host></capabilities>");
    }

    @Test
    void unknownContentIsNotAnError() {
        assertNull(SafeXml.read("<capabilities><future a='1'><x/></future></capabilities>", Empty.class).unused);
    }

    static final class Empty {
        String unused;
    }

    private static XmlRefused assertRefused(String message, String xml) {
        XmlRefused e = assertThrows(XmlRefused.class, () -> CapabilitiesParser.parse(xml));
        assertEquals(message, e.getMessage());
        return e;
    }

    private static void assertNoMarker(String marker, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(marker), "marker leaked: " + t);
        }
    }
}
