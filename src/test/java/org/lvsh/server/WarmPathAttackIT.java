package org.lvsh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lvsh.support.Project;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/**
 * The warm path, attacked by a second local user. Two users are made for it (a victim and an attacker) and
 * removed after; neither has a private runtime directory, so the victim's warm path lives under a shared sticky
 * directory, as under /tmp after su or in cron. The attacker plants directories and links where the victim's
 * will go, and tries to reach the victim's server; root, too, is another user to that server. Needs root.
 */
class WarmPathAttackIT {
    private static final String VICTIM = "lvshvictim";
    private static final String ATTACKER = "lvshattacker";
    private static Path shared;
    private static int victimUid;

    @BeforeAll
    static void users() throws Exception {
        if (!"0".equals(sh("id -u").out().trim())) {
            String why = "not root: the attacks need two users made for them";
            if ("1".equals(System.getenv("LVSH_REQUIRE_ROOT_TESTS"))) {
                fail(why + ", and LVSH_REQUIRE_ROOT_TESTS=1 requires them");
            }
            Assumptions.abort(why);
        }
        for (String user : List.of(VICTIM, ATTACKER)) {
            sh("userdel -r " + user + " 2>/dev/null; true");
            Result made = sh("useradd -m -s /bin/sh " + user);
            assertEquals(0, made.status(), made.err());
        }
        victimUid = Integer.parseInt(sh("id -u " + VICTIM).out().trim());
        shared = Files.createTempDirectory(Paths.get("/tmp"), "lvsh-shared-");
        assertEquals(0, sh("chmod 1777 " + shared).status());
    }

    @AfterAll
    static void removeUsers() {
        if (shared == null) {
            return;
        }
        sh("pkill -KILL -u " + VICTIM + "; pkill -KILL -u " + ATTACKER + "; true");
        for (String user : List.of(VICTIM, ATTACKER)) {
            sh("userdel -r " + user + " 2>/dev/null; true");
        }
        sh("rm -rf " + shared);
    }

    @BeforeEach
    @AfterEach
    void noServers() {
        sh("pkill -KILL -u " + VICTIM + "; true");
        sh("rm -rf " + shared + "/lvsh-*");
    }

    private Path victimDir() {
        return shared.resolve("lvsh-" + victimUid);
    }

    private static Result sh(String script) {
        return Run.process(List.of("sh", "-c", script), "", Map.of());
    }

    /** lvsh as {@code user}, with a clean login-like environment and the shared TMPDIR. */
    private static Result as(String user, String... args) {
        List<String> command = new ArrayList<>(List.of("runuser", "-u", user, "--", "env", "-i",
                "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/home/" + user, "TMPDIR=" + shared, "LC_ALL=C.UTF-8",
                "LVSH_NO_ARCHIVE=1", "LVSH_SERVER_IDLE=60", Project.launcher().toString()));
        command.addAll(List.of(args));
        return Run.process(command, "", Map.of("LVSH_SERVER", "1"));
    }

    private static Result asShell(String user, String script) {
        return Run.process(List.of("runuser", "-u", user, "--", "sh", "-c", script), "", Map.of());
    }

    /** The victim's server, up: its socket. */
    private Path victimServer() throws InterruptedException {
        assertEquals("test:///default\n\n", as(VICTIM, "-c", "test:///default", "uri").out());
        for (int i = 0; i < 200; i++) {
            try (var list = Files.list(victimDir())) {
                List<Path> sockets = list.filter(p -> p.toString().endsWith(".sock")).toList();
                if (!sockets.isEmpty() && !as(VICTIM, "server", "status").out().contains("Servers:        0")) {
                    return sockets.get(0);
                }
            } catch (IOException e) {
                // not there yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the victim's server did not come up");
    }

    @Test
    void theVictimsDirectoryIsPrivate() throws Exception {
        victimServer();
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(victimDir(), LinkOption.NOFOLLOW_LINKS)));
        assertEquals(VICTIM, Files.getOwner(victimDir(), LinkOption.NOFOLLOW_LINKS).getName());
    }

    /** The attacker cannot connect to the victim's server, nor place anything beside it. */
    @Test
    void anotherUserCannotReachTheServer() throws Exception {
        Path socket = victimServer();
        Result connect = asShell(ATTACKER, "exec perl -e 'socket(S, 1, 1, 0) or die; connect(S, pack(\"S\", 1) . "
                + "$ARGV[0] . \"\\0\") or die \"refused: $!\\n\"; print \"connected\\n\"' " + socket);
        assertEquals("refused: Permission denied\n", connect.err());
        assertEquals("", connect.out());
        Result plant = asShell(ATTACKER, "touch " + victimDir() + "/planted 2>&1; ln -s /etc " + victimDir()
                + "/x.sock 2>&1; true");
        assertTrue(plant.out().contains("Permission denied"), plant.out());
        assertFalse(Files.exists(victimDir().resolve("planted"), LinkOption.NOFOLLOW_LINKS));
    }

    /** Root reaches the socket (it passes any directory): the server checks who connects, and says nothing. */
    @Test
    void theServerChecksWhoConnects() throws Exception {
        Path socket = victimServer();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            byte[] request = ("lvsh-warm-1\0/\0" + "0022\0" + "00\0" + "1\0uri\0").getBytes(StandardCharsets.UTF_8);
            ByteBuffer frame = ByteBuffer.allocate(5 + request.length);
            frame.put((byte) 'Q').putInt(request.length).put(request).flip();
            int answer;
            try {
                ch.write(frame);
                answer = ch.read(ByteBuffer.allocate(64));
            } catch (IOException closed) {
                answer = -1; // closed before the request was even written
            }
            assertEquals(-1, answer, "closed without a word");
        }
        assertEquals("test:///default\n\n", as(VICTIM, "-c", "test:///default", "uri").out(), "still serving");
    }

    /**
     * A directory the attacker made where the victim's would go: never used (the victim's commands run in their
     * own process, correctly), nothing written into it.
     */
    @Test
    void aPlantedDirectoryIsNotUsed() throws Exception {
        assertEquals(0, asShell(ATTACKER, "mkdir -m 777 " + victimDir()).status());
        for (int i = 0; i < 3; i++) {
            Result r = as(VICTIM, "-c", "test:///default", "list", "--all");
            assertEquals(0, r.status(), r.err());
            assertEquals(" Id   Name   State\n----------------------\n 1    test   running\n\n", r.out());
            assertEquals("", r.err());
        }
        try (var in = Files.list(victimDir())) {
            assertEquals(List.of(), in.toList(), "nothing written into the attacker's directory");
        }
        assertTrue(as(VICTIM, "server", "status").out().contains("Warm path:      off\nReason:         "
                + victimDir() + " belongs to user "), "status says why");
    }

    /** A link the attacker made where the victim's directory would go (to the victim's home): not followed. */
    @Test
    void aPlantedLinkIsNotFollowed() throws Exception {
        assertEquals(0, asShell(ATTACKER, "ln -s /home/" + VICTIM + " " + victimDir()).status());
        List<String> homeBefore = listing(Paths.get("/home/" + VICTIM));
        for (int i = 0; i < 3; i++) {
            Result r = as(VICTIM, "-c", "test:///default", "uri");
            assertEquals("test:///default\n\n", r.out());
            assertEquals("", r.err());
        }
        assertEquals(homeBefore, listing(Paths.get("/home/" + VICTIM)), "nothing written through the link");
    }

    /** A killed server's socket: the attacker cannot take its place; the victim gets a new server, silently. */
    @Test
    void aDeadServersPlaceCannotBeTaken() throws Exception {
        Path socket = victimServer();
        sh("pkill -KILL -u " + VICTIM + " java; true");
        Result bind = asShell(ATTACKER, "exec perl -e 'unlink $ARGV[0]; socket(S, 1, 1, 0) or die; bind(S, "
                + "pack(\"S\", 1) . $ARGV[0] . \"\\0\") or die \"bind: $!\\n\"' " + socket);
        assertEquals("bind: Permission denied\n", bind.err());
        Result r = as(VICTIM, "-c", "test:///default", "uri");
        assertEquals("test:///default\n\n", r.out());
        assertEquals("", r.err());
        assertEquals(0, r.status());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.map(Path::toString).sorted().toList();
        }
    }
}
