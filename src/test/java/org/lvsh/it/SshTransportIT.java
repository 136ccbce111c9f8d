package org.lvsh.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.lvsh.support.Pty;
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
    static String askingSsh;

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
        // what OpenSSH does without a key: ask for the password on the terminal itself, then talk
        Path asking = script("ssh-asking", "exec 3<>/dev/tty\nprintf \"root@localhost's password: \" >&3\n"
                + "read -r password <&3\nexec '" + bridge + "' \"$@\"\n");
        viaSsh = "qemu+ssh://localhost/system?command=" + bridge + "&no_verify=1";
        askingSsh = "qemu+ssh://localhost/system?command=" + asking + "&no_verify=1";
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

    /**
     * Ctrl-C at ssh's own password prompt in the shell (it reads the terminal itself; the same SIGINT ends it)
     * says it was interrupted, at start-up and at 'connect', not the broken pipe libvirt saw; the shell goes on,
     * and a later answer connects.
     */
    @Test
    void ctrlCAtSshsOwnPromptSaysItWasInterrupted() {
        String prompt = "root@localhost's password: \\z";
        try (Pty pty = Pty.start(Project.launcher() + " -c '" + askingSsh + "'", java.util.Map.of("XDG_CACHE_HOME",
                dir.resolve("cache").toString()))) {
            pty.expect(prompt, java.time.Duration.ofSeconds(20));
            pty.type("\u0003");
            String start = pty.expect("Not connected\\.\n\n.*# \\z", java.time.Duration.ofSeconds(20));
            assertTrue(start.contains("error: interrupted; no connection was made\n"), start);
            assertFalse(start.contains("Cannot recv data"), start);
            pty.type("connect " + askingSsh + "\r");
            pty.expect(prompt, java.time.Duration.ofSeconds(20));
            pty.type("\u0003");
            String connect = pty.expect("# \\z", java.time.Duration.ofSeconds(20));
            assertTrue(connect.contains("error: interrupted; no connection was made\n"), connect);
            assertFalse(connect.contains("Cannot recv data"), connect);
            pty.type("connect " + askingSsh + "\r");
            pty.expect(prompt, java.time.Duration.ofSeconds(20));
            pty.type("secret\r");
            pty.expect("lvsh \\(" + java.util.regex.Pattern.quote(askingSsh) + "\\) # \\z",
                    java.time.Duration.ofSeconds(20));
            pty.type("quit\r");
            assertEquals(0, pty.waitFor(java.time.Duration.ofSeconds(20)));
        }
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
