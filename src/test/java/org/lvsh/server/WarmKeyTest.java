package org.lvsh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Project;

/** What picks a warm server, and what a warm server hands back, read as bin/lvsh and libvirt read them. */
class WarmKeyTest {
    @TempDir
    Path tmp;

    /** bin/lvsh hashes the same variables the server compares. */
    @Test
    void theClientKeysTheVariablesTheServerCompares() throws IOException {
        String client = Files.readString(Project.launcher());
        Matcher names = Pattern.compile("my @KEY_NAMES = qw\\(([^)]*)\\);").matcher(client);
        Matcher prefixes = Pattern.compile("my @KEY_PREFIXES = qw\\(([^)]*)\\);").matcher(client);
        assertTrue(names.find() && prefixes.find(), "bin/lvsh's lists");
        assertEquals(WarmKey.NAMES, List.of(names.group(1).trim().split("\\s+")));
        assertEquals(WarmKey.PREFIXES, List.of(prefixes.group(1).trim().split("\\s+")));
    }

    @Test
    void aKeyedVariableThatDiffersIsNamed() {
        assertNull(WarmKey.difference(Map.of("PATH", "/bin", "PWD", "/a"), Map.of("PATH", "/bin", "PWD", "/b")));
        assertEquals("LIBVIRT_AUTH_FILE", WarmKey.difference(Map.of("LIBVIRT_AUTH_FILE", "/x"), Map.of()));
        assertEquals("LC_ALL", WarmKey.difference(Map.of("LC_ALL", "C.UTF-8"), Map.of("LC_ALL", "de_DE.UTF-8")));
        assertNull(WarmKey.difference(Map.of("LVSH_HOSTS", "a"), Map.of()), "lvsh reads its own per run");
    }

    /** Transports that ask on the terminal, and relative paths, whether typed, aliased or libvirt's default. */
    @Test
    void whatNeedsTheCallersOwnProcess() throws IOException {
        Path conf = Files.createDirectories(tmp.resolve("libvirt"));
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", tmp.toString(), "HOME", tmp.toString());
        int user = 1000;
        assertNull(OwnProcess.forUri("test:///default", env, user));
        assertNull(OwnProcess.forUri("qemu+tcp://h/system", env, user));
        assertNull(OwnProcess.forUri("qemu+libssh2://h/system", env, user), "libssh2 asks through libvirt");
        assertEquals("the ssh transport may ask on the caller's terminal",
                OwnProcess.forUri("qemu+ssh://root@h/system", env, user));
        assertEquals("the ext transport may ask on the caller's terminal",
                OwnProcess.forUri("qemu+ext:///system?command=/bin/x", env, user));
        assertEquals("authfile names a path relative to the caller's directory",
                OwnProcess.forUri("qemu+tcp://h/system?authfile=auth.conf", env, user));
        assertNull(OwnProcess.forUri("qemu+tcp://h/system?authfile=/etc/auth.conf", env, user));
        assertNull(OwnProcess.forUri(null, env, user), "no libvirt.conf: libvirt probes local drivers");
        Files.writeString(conf.resolve("libvirt.conf"), "uri_aliases = [\n  \"far=qemu+ssh://far/system\",\n]\n"
                + "# uri_default = \"test:///default\"\nuri_default = \"qemu+ssh://dflt/system\"\n");
        assertEquals("the ssh transport may ask on the caller's terminal", OwnProcess.forUri("far", env, user));
        assertEquals("the ssh transport may ask on the caller's terminal", OwnProcess.forUri(null, env, user));
        assertEquals("LIBVIRT_AUTH_FILE is relative to the caller's directory",
                OwnProcess.forEnvironment(Map.of("LIBVIRT_AUTH_FILE", "auth.conf")));
        assertNull(OwnProcess.forEnvironment(Map.of("LIBVIRT_AUTH_FILE", "/etc/auth.conf")));
    }
}
