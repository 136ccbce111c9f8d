package org.lvsh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.Project;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;
import org.lvsh.support.TestDaemon;

/**
 * libvirt's ssh transport for real: the remote driver runs "ssh" (?command=) and speaks RPC over its pipes. The
 * stand-in ssh joins them to the private daemon's socket, or fails as ssh does when a host key has changed.
 */
class SshTransportIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static String viaSsh;
    static String changedKey;

    @BeforeAll
    static void fakeSsh() throws IOException {
        String socketUri = TestDaemon.get().socketUri();
        String socket = socketUri.substring(socketUri.indexOf("socket=") + "socket=".length());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path bridge = script("ssh", "exec '" + java + "' -cp '" + Project.root().resolve("target/test-classes")
                + "' org.lvsh.support.UnixBridge '" + socket + "'\n");
        // what OpenSSH writes on a terminal when the key in known_hosts no longer matches: CR LF line ends
        Path refused = script("ssh-changed-key", "printf '%s\\r\\n' "
                + "'@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@' "
                + "'@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @' "
                + "'Offending ECDSA key in /root/.ssh/known_hosts:3' "
                + "'  remove with:' "
                + "'  ssh-keygen -f \"/root/.ssh/known_hosts\" -R \"localhost\"' "
                + "'Host key verification failed.' >&2\nexit 255\n");
        viaSsh = "qemu+ssh://localhost/system?command=" + bridge + "&no_verify=1";
        changedKey = "qemu+ssh://localhost/system?command=" + refused;
    }

    private static Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void connectSaysTheSshTransportEncrypts() throws Exception {
        Result text = Run.script("connect " + viaSsh + "\n", "-c", "test:///default");
        assertEquals("", text.err());
        assertEquals("Connected to " + viaSsh + " (read-write, encrypted by ssh, secure)\n\n", text.out());
        Result json = Run.script("connect " + viaSsh + "\n", "-c", "test:///default", "--json");
        JsonNode c = JSON.readTree(json.out());
        assertEquals(true, c.get("encrypted").booleanValue());
        assertEquals(true, c.get("secure").booleanValue());
        assertEquals("ssh", c.get("transport").textValue());
        assertEquals("QEMU", c.get("driver").textValue());
    }

    @Test
    void theUnixSocketIsNotCalledEncrypted() {
        Result text = Run.script("connect " + TestDaemon.get().socketUri() + "\n", "-c", "test:///default");
        assertEquals("Connected to " + TestDaemon.get().socketUri() + " (read-write, not encrypted, secure)\n\n",
                text.out());
    }

    /** One error line, then ssh's own lines as it wrote them (its advice intact), indented, no \x0d\x0a. */
    @Test
    void sshsOwnLinesStayReadable() {
        Result r = Run.lvsh("-c", changedKey, "uri");
        assertEquals(3, r.status());
        assertEquals("", r.out());
        assertEquals("error: failed to connect to the hypervisor: Cannot recv data: Connection reset by peer\n"
                + "  @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
                + "  @    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
                + "  Offending ECDSA key in /root/.ssh/known_hosts:3\n"
                + "    remove with:\n"
                + "    ssh-keygen -f \"/root/.ssh/known_hosts\" -R \"localhost\"\n"
                + "  Host key verification failed.\n", r.err());
    }
}
