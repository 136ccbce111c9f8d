package org.lvsh.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.Lvsh;
import org.lvsh.support.NodeXml;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/**
 * lvsh's own diagnostics: the -l log is private and never a file another user chose; -d shows stack traces for
 * internal errors only, not for what a user or a host caused (a wrong password, a missing domain).
 */
class DiagnosticsTest {
    private static final String URI = "test:///default";

    @TempDir
    Path dir;

    @Test
    void aNewLogIsPrivate() throws IOException {
        Path log = dir.resolve("lvsh.log");
        Result r = Run.lvsh("-l", log.toString(), "-c", URI, "uri");
        assertEquals(0, r.status(), r.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        assertTrue(Files.readString(log).contains("info: command uri: status 0"), Files.readString(log));
    }

    @Test
    void anOwnSymbolicLinkIsFollowed() throws IOException {
        Path target = Files.writeString(dir.resolve("real.log"), "");
        Path link = Files.createSymbolicLink(dir.resolve("lvsh.log"), target);
        Result r = Run.lvsh("-l", link.toString(), "-c", URI, "uri");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.readString(target).contains("info: command uri: status 0"));
    }

    /** A link another user placed where the log goes (in /tmp, say) is not followed: nothing is written. */
    @Test
    void aSymbolicLinkOfAnotherUserIsRefused() throws IOException {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root && "1".equals(System.getenv("LVSH_REQUIRE_ROOT_TESTS"))) {
            fail("giving a link to another user needs root, and LVSH_REQUIRE_ROOT_TESTS=1 requires this test");
        }
        Assumptions.assumeTrue(root, "giving a link to another user needs root");
        Path target = Files.writeString(dir.resolve("victim"), "");
        Path link = Files.createSymbolicLink(dir.resolve("lvsh.log"), target);
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.getFileAttributeView(link, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setOwner(nobody);
        Result r = Run.lvsh("-l", link.toString(), "-c", URI, "uri");
        assertEquals("", r.out());
        assertEquals("error: cannot open log file '" + link + "': a symbolic link of another user (nobody), "
                + "not followed\n", r.err());
        assertEquals(2, r.status());
        assertEquals("", Files.readString(target));
    }

    @Test
    void noStackTraceForADomainThatIsNotThere() {
        Result r = Run.lvsh("-d", "0", "-c", URI, "dominfo", "nosuch");
        assertTrue(r.err().contains("error: failed to get domain 'nosuch'"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(1, r.status());
    }

    /** A wrong password is the user's, not lvsh's: one error line, no stack trace, under -d 0 too. */
    @Test
    void noStackTraceForAWrongPassword() throws IOException {
        String uri = NodeXml.host().domain("vm1", NodeXml.State.RUNNING).auth("alice", "right").write(dir,
                "node.xml");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Lvsh(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), () -> false,
                (prompt, echo) -> (echo ? "alice" : "wrong").toCharArray(), Map.of())
                .run(new String[] {"-d", "0", "-c", uri, "list"});
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(3, status, stderr);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, stderr.lines().filter(l -> l.startsWith("error: ")).count(), stderr);
        assertFalse(stderr.contains("\tat "), stderr);
        assertFalse(stderr.contains("Exception"), stderr);
    }
}
