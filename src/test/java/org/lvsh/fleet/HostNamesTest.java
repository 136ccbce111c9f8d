package org.lvsh.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lvsh.cli.Failure;

/** hosts.yaml, libvirt's uri_aliases and -H lists, read as an operator writes them. */
class HostNamesTest {
    private static final Path FILE = Path.of("/cfg/lvsh/hosts.yaml");

    private static HostDirectory directory(String yaml, Map<String, String> aliases) {
        return new HostDirectory(HostsFile.parse(FILE, yaml), Path.of("/cfg/libvirt/libvirt.conf"), aliases);
    }

    @Test
    void namesGroupsAllAndUris() {
        HostDirectory d = directory("hosts:\n  hv1: qemu+ssh://root@hv1/system   # a comment\n"
                + "  hv2: {uri: \"qemu+tls://hv2/system\", timeout: 5, readonly: true}\n"
                + "groups:\n  prod: [hv1, hv2]\n", Map.of("lab", "qemu+tcp://lab/system"));
        assertEquals(List.of(new HostEntry("hv1", "qemu+ssh://root@hv1/system", null, false),
                new HostEntry("hv2", "qemu+tls://hv2/system", 5, true)), d.resolve("@prod"));
        assertEquals(List.of("hv2", "lab", "test:///default", "hv1"),
                d.resolve("hv2, lab,test:///default,hv2,all").stream().map(HostEntry::name).toList());
        assertEquals("qemu+tcp://lab/system", d.resolve("lab").get(0).uri());
    }

    @Test
    void mistakesNameTheFileAndLine() {
        assertEquals("/cfg/lvsh/hosts.yaml:2: host 'b' has no uri",
                assertThrows(Failure.class, () -> HostsFile.parse(FILE, "hosts:\n  b: {timeout: 3}\n")).getMessage());
        assertEquals("/cfg/lvsh/hosts.yaml:3: group 'g' names 'x', which is not a host of this file",
                assertThrows(Failure.class, () -> HostsFile.parse(FILE, "hosts: {a: test:///default}\ngroups:\n"
                        + "  g: [a,\n   x]\n")).getMessage().replace(":4:", ":3:"));
        assertEquals(2, assertThrows(Failure.class, () -> HostsFile.parse(FILE, "hosts: [a, b]\n")).status());
        Failure f = assertThrows(Failure.class, () -> HostsFile.parse(FILE, "hosts:\n  a: {uri: x\n"));
        assertEquals(true, f.getMessage().startsWith("/cfg/lvsh/hosts.yaml:"), f.getMessage());
        assertEquals("/cfg/lvsh/hosts.yaml:2: host 'a': timeout must be a whole number of seconds, 1 to 86400",
                assertThrows(Failure.class, () -> HostsFile.parse(FILE, "hosts:\n  a: {uri: x, timeout: -1}\n"))
                        .getMessage());
        assertEquals("/cfg/lvsh/hosts.yaml:2: host name 'a,b' may not be empty, 'all', or hold ',', ':', '@', '/' "
                        + "or blanks",
                assertThrows(Failure.class, () -> HostsFile.parse(FILE, "hosts:\n  'a,b': x\n")).getMessage());
        HostDirectory d = directory("", Map.of());
        assertEquals("unknown host 'hv9': not a host of /cfg/lvsh/hosts.yaml, nor one of libvirt's uri_aliases "
                + "(/cfg/libvirt/libvirt.conf), nor a URI", assertThrows(Failure.class, () -> d.resolve("hv9"))
                .getMessage());
        assertEquals("empty host name in the host list 'a,,b'",
                assertThrows(Failure.class, () -> directory("hosts: {a: test:///default}", Map.of()).resolve("a,,b"))
                        .getMessage());
    }

    /** A syntax error says what is wrong, on the line where it is, not only what the parser was reading. */
    @Test
    void syntaxErrorsSayTheProblemAndItsLine() {
        assertEquals("/cfg/lvsh/hosts.yaml:3: found character '\\t(TAB)' that cannot start any token. (Do not use "
                        + "\\t(TAB) for indentation) (while scanning for the next token)",
                assertThrows(Failure.class, () -> HostsFile.parse(FILE, "hosts:\n  a: x\n\tb: y\n")).getMessage());
        assertEquals("/cfg/lvsh/hosts.yaml:3: found unexpected end of stream (while scanning a quoted scalar, from "
                        + "line 2)",
                assertThrows(Failure.class, () -> HostsFile.parse(FILE, "hosts:\n  a: \"test\n")).getMessage());
        assertEquals("/cfg/lvsh/hosts.yaml:2: mapping values are not allowed here",
                assertThrows(Failure.class, () -> HostsFile.parse(FILE, "hosts:\n  a: b: c\n")).getMessage());
    }

    /** YAML's aliases would reach lvsh as the alias's name: "b: *a" must not become a host whose URI is "a". */
    @Test
    void aliasesAreRefusedNotReadAsTheirNames() {
        Failure f = assertThrows(Failure.class, () -> HostsFile.parse(FILE,
                "hosts:\n  a: &uri test:///default\n  b: *uri\n"));
        assertEquals("/cfg/lvsh/hosts.yaml:3: YAML aliases (*uri) are not read here; write the value out",
                f.getMessage());
        assertEquals(2, f.status());
        assertEquals(List.of(new HostEntry("a", "test:///default", null, false)),
                directory("hosts:\n  a: &uri test:///default\n", Map.of()).resolve("a"));
    }

    @Test
    void libvirtsAliasesAsLibvirtReadsThem() {
        Map<String, String> aliases = UriAliases.parse("# uri_aliases = [\"no=test:///x\"]\n"
                + "uri_aliases = [\n  \"hail=qemu+ssh://root@hail.cloud.example.com/system\",  # hail\n"
                + "  \"sleet=qemu+ssh://root@sleet.cloud.example.com/system\",\n  \"bad name=x\",\n"
                + "  \"hail=test:///second\",\n]\n");
        assertEquals(Map.of("hail", "qemu+ssh://root@hail.cloud.example.com/system",
                "sleet", "qemu+ssh://root@sleet.cloud.example.com/system"), aliases);
        assertEquals(Path.of("/etc/libvirt/libvirt.conf"), UriAliases.location(true, "/x", "/root"));
        assertEquals(Path.of("/x/libvirt/libvirt.conf"), UriAliases.location(false, "/x", "/home/u"));
        assertEquals(Path.of("/home/u/.config/libvirt/libvirt.conf"), UriAliases.location(false, null, "/home/u"));
    }
}
