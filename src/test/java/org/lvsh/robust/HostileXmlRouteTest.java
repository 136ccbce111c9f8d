package org.lvsh.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.xml.CapabilitiesParser;
import org.lvsh.xml.SafeXml;
import org.lvsh.xml.XmlRefused;

/**
 * Hostile XML on both routes into lvsh: {@code SafeXml.read(xml, JsonNode.class)} (the generic route that domain
 * XML takes) and {@code CapabilitiesParser.parse}. org.lvsh.xml.HostileXmlTest covers the capabilities route;
 * this covers the JsonNode route, the DTD hidden behind a prolog, XInclude, stylesheet and schema hints, a local
 * marker file that must never show up in a result or a message, parser limits, and a seeded mutation sweep in
 * which every outcome is a value or a clean one-line XmlRefused, never another exception.
 */
class HostileXmlRouteTest {
    private static final String DTD = "refusing XML with a document type declaration (DTD)";
    private static final String DEEP = "XML document is nested too deeply (limit " + SafeXml.MAX_DEPTH + " levels)";
    private static final long SEED = 0xC0FFEEL;

    @TempDir
    Path dir;

    private String marker;
    private Path secret;

    /** Both routes, named, as functions from a document to whatever they make of it. */
    private static final Map<String, Function<String, Object>> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("SafeXml.read(JsonNode)", xml -> SafeXml.read(xml, JsonNode.class));
        ROUTES.put("CapabilitiesParser.parse", CapabilitiesParser::parse);
    }

    @BeforeEach
    void markerFile() throws IOException {
        marker = "LVSH-MARKER-" + UUID.randomUUID();
        secret = Files.writeString(dir.resolve("secret.txt"), marker);
    }

    @Test
    void billionLaughsOnTheJsonNodeRoute() {
        StringBuilder xml = new StringBuilder("<?xml version='1.0'?>\n<!DOCTYPE domain [\n <!ENTITY lol0 'lol'>\n");
        for (int i = 1; i <= 9; i++) {
            xml.append(" <!ENTITY lol").append(i).append(" '").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("'>\n");
        }
        xml.append("]>\n<domain><name>&lol9;</name><description a='&lol9;'/></domain>\n");
        assertRefusedEverywhere(DTD, xml.toString());
    }

    /** Quadratic blowup: one big entity referenced many times (no nesting for a depth limit to catch). */
    @Test
    void quadraticBlowup() {
        String big = "x".repeat(50_000);
        String xml = "<!DOCTYPE domain [<!ENTITY a '" + big + "'>]><domain><name>" + "&a;".repeat(50_000)
                + "</name></domain>";
        assertRefusedEverywhere(DTD, xml);
    }

    @Test
    void externalEntitiesReadingALocalFile() {
        String uri = secret.toUri().toString();
        String path = secret.toAbsolutePath().toString();
        String[] documents = {
            "<!DOCTYPE domain [<!ENTITY x SYSTEM '" + uri + "'>]><domain><name>&x;</name></domain>",
            "<!DOCTYPE domain [<!ENTITY x SYSTEM '" + path + "'>]><domain><name>&x;</name></domain>",
            "<!DOCTYPE domain [<!ENTITY x SYSTEM '" + uri + "'>]><domain name='&x;'/>",
            "<!DOCTYPE domain [<!ENTITY x SYSTEM 'jar:" + uri + "!/x'>]><domain><name>&x;</name></domain>",
            "<?xml version='1.0' encoding='UTF-8' standalone='no'?><!DOCTYPE domain SYSTEM '" + uri
                    + "'><domain><name>n</name></domain>",
            "<!DOCTYPE domain PUBLIC '-//lvsh//x' '" + uri + "'><domain/>",
            "<!DOCTYPE domain [<!ENTITY x SYSTEM '" + uri + "'><!ENTITY y '&x;&x;'>]><domain><name>&y;</name>"
                    + "</domain>",
            "<!DOCTYPE domain [<!ENTITY x SYSTEM '" + uri + "' NDATA gif>]><domain img='x'/>",
        };
        for (String xml : documents) {
            assertRefusedEverywhere(DTD, xml);
        }
    }

    @Test
    void parameterEntitiesOutOfBand() throws IOException {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY % file SYSTEM '" + secret.toUri()
                + "'>\n<!ENTITY % all \"<!ENTITY send '%file;'>\">\n%all;\n");
        assertRefusedEverywhere(DTD, "<!DOCTYPE domain [<!ENTITY % remote SYSTEM '" + dtd.toUri() + "'> %remote;]>"
                + "<domain><name>&send;</name></domain>");
        assertRefusedEverywhere(DTD, "<!DOCTYPE domain [<!ENTITY % p '<!ENTITY q \"inner\">'> %p;]>"
                + "<domain><name>&q;</name></domain>");
    }

    /** A DTD is refused wherever the prolog hides it: after a BOM, comments, processing instructions, blanks. */
    @Test
    void dtdBehindAProlog() {
        String tail = "<!DOCTYPE domain [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]><domain><name>&x;</name></domain>";
        String[] prologs = {"\uFEFF", "<?xml version='1.0'?>\n\n   ", "<!-- hello -->", "<?pi data?>",
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<!-- a --><?b c?><!-- d -->\n\t"};
        for (String prolog : prologs) {
            assertRefusedEverywhere(DTD, prolog + tail);
        }
    }

    /** An external DTD, a stylesheet hint, a schema location, an XInclude on a local port: nothing connects. */
    @Test
    void nothingIsFetched() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil";
            assertRefusedEverywhere(DTD, "<!DOCTYPE domain SYSTEM '" + url + ".dtd'><domain/>");
            assertRefusedEverywhere(DTD, "<!DOCTYPE d [<!ENTITY x SYSTEM '" + url + "'>]><d>&x;</d>");
            assertRefusedEverywhere(DTD, "<!DOCTYPE d [<!ENTITY % x SYSTEM '" + url + "'>%x;]><d/>");
            String[] harmless = {
                "<?xml-stylesheet type='text/xsl' href='" + url + ".xsl'?><domain><name>n</name></domain>",
                "<domain xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xsi:schemaLocation='urn:x " + url
                        + ".xsd' xsi:noNamespaceSchemaLocation='" + url + ".xsd'><name>n</name></domain>",
                "<domain xmlns:xi='http://www.w3.org/2001/XInclude'><name><xi:include href='" + url
                        + "' parse='text'/></name></domain>",
                "<domain xml:base='" + url + "/'><name>n</name></domain>",
            };
            for (String xml : harmless) {
                JsonNode node = SafeXml.read(xml, JsonNode.class); // read as plain content, nothing resolved
                assertFalse(node.toString().contains(marker));
            }
            server.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, server::accept, "something connected to " + url);
        }
    }

    /** XInclude of the marker file: an element like any other, its target never read. */
    @Test
    void xincludeIsNotProcessed() {
        String xml = "<domain xmlns:xi='http://www.w3.org/2001/XInclude'><name>n</name><description>"
                + "<xi:include href='" + secret.toUri() + "' parse='text'/></description></domain>";
        JsonNode node = SafeXml.read(xml, JsonNode.class);
        assertEquals("n", node.path("name").asText());
        assertFalse(node.toString().contains(marker), node.toString());
    }

    @Test
    void oversizeOnTheJsonNodeRoute() {
        int extra = SafeXml.MAX_BYTES - "<domain></domain>".length() + 1;
        String xml = "<domain>" + " ".repeat(extra) + "</domain>";
        assertRefusedEverywhere("XML document is too large (" + (SafeXml.MAX_BYTES + 1) + " bytes, limit "
                + SafeXml.MAX_BYTES + ")", xml);
        // Exactly at the limit is read (the limit is inclusive)
        String atLimit = "<domain>" + " ".repeat(extra - 1) + "</domain>";
        assertEquals(SafeXml.MAX_BYTES, atLimit.getBytes(StandardCharsets.UTF_8).length);
        SafeXml.read(atLimit, JsonNode.class);
        // Four-byte characters: the count is of UTF-8 bytes, surrogate pairs included
        String emoji = "<d>" + "\uD83D\uDE00".repeat(SafeXml.MAX_BYTES / 4) + "</d>";
        assertRefusedEverywhere("XML document is too large (" + (SafeXml.MAX_BYTES + 7) + " bytes, limit "
                + SafeXml.MAX_BYTES + ")", emoji);
    }

    @Test
    void deeplyNestedOnTheJsonNodeRoute() {
        assertRefusedEverywhere(DEEP, "<a>".repeat(1_000_000) + "</a>".repeat(1_000_000));
        assertRefusedEverywhere(DEEP, "<a>".repeat(SafeXml.MAX_DEPTH + 1)); // unterminated: depth first
        String mixed = "<a x='1'>t".repeat(SafeXml.MAX_DEPTH + 1) + "</a>".repeat(SafeXml.MAX_DEPTH + 1);
        assertRefusedEverywhere(DEEP, mixed);
        String atLimit = "<a><b/>".repeat(SafeXml.MAX_DEPTH - 1) + "</a>".repeat(SafeXml.MAX_DEPTH - 1);
        assertTrue(SafeXml.read(atLimit, JsonNode.class).isObject());
    }

    /** Limits of the parsers below: each one a clean refusal, never an unchecked parser exception. */
    @Test
    void parserLimitsOnTheJsonNodeRoute() {
        assertClean(refusal(ROUTES.get("SafeXml.read(JsonNode)"),
                "<d a='" + "x".repeat(600_000) + "'/>"));
        StringBuilder many = new StringBuilder("<d");
        for (int i = 0; i < 5000; i++) {
            many.append(" a").append(i).append("='1'");
        }
        assertClean(refusal(ROUTES.get("SafeXml.read(JsonNode)"), many.append("/>").toString()));
        // A text node of 25 M characters: under the size limit, over Jackson's string length limit
        outcome("25M text", "<d>" + "x".repeat(25_000_000) + "</d>");
        // A 1 MB element name, a 1 MB attribute name
        outcome("1M element name", "<d><" + "n".repeat(1_000_000) + "/></d>");
        outcome("1M attribute name", "<d " + "n".repeat(1_000_000) + "='1'/>");
        // 200,000 siblings
        outcome("200k siblings", "<d>" + "<x>1</x>".repeat(200_000) + "</d>");
    }

    /** Characters XML forbids, as raw characters or as references: refused, with a message safe to print. */
    @Test
    void forbiddenCharacters() {
        String[] documents = {"<d>\u0000</d>", "<d>&#0;</d>", "<d>&#x1b;[2J</d>", "<d>&#x110000;</d>",
 "<d a='\u001B[31m'/>", "<\u202Ed/>", "<d>&#xD800;</d>",
            "<d>&undefined;</d>", "<d>&amp</d>", "<d><![CDATA[unterminated</d>", "<d><!-- -- --></d>",
            "<d/>\u0000", "<d/><!DOCTYPE x>", "<d><!DOCTYPE x></d>", "<d>\u001B]0;title\u0007</d>"};
        for (String xml : documents) {
            for (Map.Entry<String, Function<String, Object>> route : ROUTES.entrySet()) {
                assertClean(refusal(route.getValue(), xml));
            }
        }
        // Woodstox lets these through; they cannot come from libvirt anyway (JNA decodes its UTF-8, so a lone
        // surrogate arrives as U+FFFD): a value or a clean refusal will do.
        outcome("lone surrogate", "<d>\uD800</d>");
        outcome("U+FFFE", "<d>\uFFFE\uFFFF</d>");
    }

    /**
     * Seeded mutations of real capabilities XML through both routes: every outcome is a value or an XmlRefused
     * whose message is one clean line; nothing else escapes, the marker never shows.
     */
    @Test
    void mutationSweep() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (String name : new String[] {"test-default.xml", "qemu-host.xml", "qemu-numa-server.xml"}) {
            try (InputStream in = getClass().getResourceAsStream("/capabilities/" + name)) {
                seeds.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        String[] inserts = {"<!DOCTYPE x [<!ENTITY e SYSTEM '" + secret.toUri() + "'>]>", "&e;", "&#0;", "&#x9b;",
            "<", ">", "</", "/>", "<x>", "</host>", "'", "\"", "=", "&", "&amp;", "]]>", "<![CDATA[", "<!--",
            "-->", "\u0000", "\u001B", "\uD800", "\uFEFF", "<?x?>", "<?xml version='1.0'?>", "unit='EiB'",
            "99999999999999999999999", "-1", "NaN", "id='x'", " xmlns:a='urn:a' a:b='c'", "\u202E",
            "<" + "a>".repeat(120)};
        Random random = new Random(SEED);
        int values = 0;
        int refusals = 0;
        for (int i = 0; i < 2000; i++) {
            StringBuilder xml = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(xml.length() + 1);
                switch (random.nextInt(4)) {
                    case 0 -> xml.insert(at, inserts[random.nextInt(inserts.length)]);
                    case 1 -> xml.delete(at, Math.min(xml.length(), at + 1 + random.nextInt(40)));
                    case 2 -> xml.setLength(at); // truncated
                    default -> {
                        int from = random.nextInt(xml.length() + 1);
                        int to = Math.min(xml.length(), from + random.nextInt(200));
                        xml.insert(at, xml.substring(from, to)); // a piece duplicated elsewhere
                    }
                }
            }
            String doc = xml.toString();
            for (Map.Entry<String, Function<String, Object>> route : ROUTES.entrySet()) {
                try {
                    Object value = route.getValue().apply(doc);
                    assertFalse(String.valueOf(value).contains(marker), "marker in " + value);
                    values++;
                } catch (XmlRefused refused) {
                    assertClean(refused);
                    refusals++;
                } catch (RuntimeException | StackOverflowError other) {
                    fail(route.getKey() + " threw " + other + " for mutation #" + i + ": "
                            + Verdicts.shorten(doc), other);
                }
            }
        }
        assertTrue(values > 0 && refusals > 0, values + " values, " + refusals + " refusals");
    }

    // ---------------------------------------------------------------------------------------------------------

    private void assertRefusedEverywhere(String message, String xml) {
        for (Map.Entry<String, Function<String, Object>> route : ROUTES.entrySet()) {
            XmlRefused e = refusal(route.getValue(), xml);
            assertEquals(message, e.getMessage(), route.getKey());
            assertClean(e);
        }
    }

    private static XmlRefused refusal(Function<String, Object> route, String xml) {
        try {
            Object value = route.apply(xml);
            fail("accepted: " + Verdicts.shorten(xml) + " as " + Verdicts.shorten(String.valueOf(value)));
            return null;
        } catch (XmlRefused e) {
            return e;
        }
    }

    /** Whatever happens to a document, it is a value or a clean refusal. */
    private void outcome(String what, String xml) {
        for (Map.Entry<String, Function<String, Object>> route : ROUTES.entrySet()) {
            try {
                route.getValue().apply(xml);
            } catch (XmlRefused e) {
                assertClean(e);
            } catch (RuntimeException other) {
                fail(route.getKey() + " threw " + other + " for " + what, other);
            }
        }
    }

    /** One short line, no control characters, no marker anywhere in the chain. */
    private void assertClean(XmlRefused e) {
        String m = e.getMessage();
        assertTrue(m != null && !m.isBlank(), "empty message");
        assertTrue(m.length() <= 250, "long message: " + m.length());
        assertFalse(m.chars().anyMatch(Character::isISOControl), "control characters: " + Verdicts.printable(m));
        assertFalse(m.contains("Exception") || m.contains("com.ctc.") || m.contains("com.fasterxml."),
                "a Java class in the message: " + m);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(marker), "marker leaked: " + t);
        }
    }
}
