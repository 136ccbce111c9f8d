package org.lvsh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.NodeXml;
import org.lvsh.support.Project;
import org.lvsh.support.Pty;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;
import org.lvsh.support.WarmPath;

/**
 * The warm path, on by default: whatever goes through it must be what a process of its own prints, byte for byte
 * (stdout, stderr, status), whatever the command; what it cannot run as that process would (the shell, event, a
 * transport that asks on the terminal, a relative authfile) runs in a process of its own, with nothing lost or
 * run twice; it serves callers at once, survives bad requests, and is replaced when it dies.
 */
class WarmPathIT {
    @TempDir
    Path tmp;
    private WarmPath warm;
    private String node;

    @BeforeEach
    void privateWarmPath() throws Exception {
        warm = new WarmPath(tmp);
        node = NodeXml.host().domain("web", NodeXml.State.RUNNING).domain("my vm", NodeXml.State.SHUTOFF)
                .domain("prevent", NodeXml.State.PAUSED).write(tmp, "node.xml");
    }

    @AfterEach
    void stopServers() {
        warm.close();
    }

    private void assertSame(Result own, Result served, String what) {
        assertEquals(Run.clockless(own.out()), Run.clockless(served.out()), "stdout of " + what);
        assertEquals(own.err(), served.err(), "stderr of " + what);
        assertEquals(own.status(), served.status(), "status of " + what);
    }

    /** Every command of the catalog, in its formats and failures, one-shot and as command strings. */
    @Test
    void everyCommandAsInAProcessOfItsOwn() throws Exception {
        warm.start();
        List<List<String>> commands = new ArrayList<>();
        for (String format : List.of("table", "json", "yaml", "csv", "name")) {
            commands.add(List.of("-c", node, "-o", format, "list", "--all"));
            commands.add(List.of("-c", "test:///default", "-o", format, "nodeinfo"));
        }
        for (String line : List.of("capabilities", "capabilities --xml", "dominfo test", "domstate test --reason",
                "domid test", "domname 1", "domuuid test", "domstats", "domstats --state test", "freecell --all",
                "freecell 1", "freepages --all", "freepages --cellno 0 4", "hostname", "maxvcpus", "nodecpumap",
                "nodecpumap --pretty", "nodememstats", "nodecpustats", "sysinfo", "uri", "version", "hosts",
                "echo --shell 'a b' \"c\"", "echo --xml '<x>'", "help", "help list", "help nosuch", "dominfo nosuch",
                "dominfo nosuch --json", "list --bogus", "list -all", "nosuchcommand", "freecell --all --cellno 0",
                "connect test:///default", "complete -- dominfo ''", "complete -- -c test:///default dom")) {
            commands.add(List.of("-c", "test:///default", line));
        }
        commands.add(List.of("-c", node, "dominfo", "my vm"));
        commands.add(List.of("-c", node, "list --all; domstate prevent; dominfo nosuch; uri"));
        commands.add(List.of("-q", "-c", node, "list", "--all", "--name"));
        commands.add(List.of("-c", "test:///nonexistent.xml", "nodeinfo"));
        commands.add(List.of("-c", "test:///default", ""));
        commands.add(List.of("--bogus"));
        commands.add(List.of("--version"));
        commands.add(List.of("-V"));
        commands.add(List.of("-H", "test:///default," + node, "list", "--all"));
        commands.add(List.of("-H", "test:///default," + node, "nodeinfo", "--json"));
        commands.add(List.of("-d", "5", "-c", "test:///default", "uri"));
        long before = warm.served();
        for (List<String> command : commands) {
            String[] args = command.toArray(new String[0]);
            assertSame(warm.own("", args), warm.warm("", args), command.toString());
        }
        assertEquals(before + commands.size(), warm.served(), "every command ran on the warm path");
    }

    /** Scripts on stdin, from a pipe and from a file, with failures in the middle. */
    @Test
    void scriptsAsInAProcessOfItsOwn() throws Exception {
        warm.start();
        String script = "uri\n# a comment\nhostname; domid test\ndominfo nosuch\nlist --bogus\n\nnodeinfo\n"
                + "connect " + node + "\nlist --all\ndomname 1\\\nuri\n";
        Path file = tmp.resolve("commands.txt");
        Files.writeString(file, script);
        long before = warm.served();
        assertSame(warm.own(script, "-c", "test:///default"), warm.warm(script, "-c", "test:///default"), "a pipe");
        String fromFile = "exec \"$LVSH\" -c test:///default < " + file;
        Result own = warm.ownShell(fromFile);
        assertSame(own, warm.warmShell(fromFile), "a file");
        assertEquals(2, own.status());
        assertEquals(before + 2, warm.served());
    }

    /**
     * What needs the caller's own process runs there, all of it, once: a command that lasts (event), a script
     * whose first command is one (the lines the server read are given back), an ssh URI (ssh asks on the
     * terminal), a relative authfile (relative to the caller's directory). Nothing of it is counted as served.
     */
    @Test
    void whatNeedsTheCallersProcessRunsThere() throws Exception {
        warm.start();
        long before = warm.served();
        assertSame(warm.own("", "-c", "test:///default", "event", "--all", "--timeout", "1"),
                warm.warm("", "-c", "test:///default", "event", "--all", "--timeout", "1"), "event");
        String script = "event --all --timeout 1\nuri\nlist --all\n";
        Result own = warm.own(script, "-c", "test:///default");
        assertSame(own, warm.warm(script, "-c", "test:///default"), "a script that starts with event");
        assertTrue(own.out().contains("test:///default\n"), own.out());
        Path file = tmp.resolve("event.txt");
        Files.writeString(file, script);
        String fromFile = "exec \"$LVSH\" -c test:///default < " + file;
        assertSame(warm.ownShell(fromFile), warm.warmShell(fromFile), "the same script from a file");
        String ssh = "qemu+ssh://nobody@127.0.0.1:1/system?no_tty=1";
        assertSame(warm.own("", "-c", ssh, "uri"), warm.warm("", "-c", ssh, "uri"), "ssh");
        // the test driver reads no auth file: what counts here is where the URI runs (SaslAuthIT has one read)
        Files.writeString(tmp.resolve("auth.conf"), "[credentials-t]\nauthname=alice\npassword=secret\n"
                + "[auth-test-localhost]\ncredentials=t\n");
        Files.setPosixFilePermissions(tmp.resolve("auth.conf"), PosixFilePermissions.fromString("rw-------"));
        String authNode = NodeXml.host().domain("web", NodeXml.State.RUNNING).auth("alice", "secret")
                .write(tmp, "auth.xml");
        String relative = "exec \"$LVSH\" -c '" + authNode + "?authfile=auth.conf' list --all";
        Result inTmp = warm.warmShell("cd " + tmp + " && " + relative);
        assertSame(warm.ownShell("cd " + tmp + " && " + relative), inTmp, "a relative authfile");
        assertEquals(before, warm.served(), "none of them ran on the server");
    }

    /** Started by a relative path, as `bin/lvsh` from a checkout: the server it leaves runs all the same. */
    @Test
    void aLauncherCalledByARelativePathLeavesAServer() throws Exception {
        Result r = warm.warmShell("cd " + Project.root() + " && exec bin/lvsh -c test:///default uri");
        assertEquals("test:///default\n\n", r.out(), r.err());
        for (int i = 0; i < 200 && warm.servers().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertEquals(1, warm.servers().size(), "a server came up");
    }

    /** lvsh's diagnostics (-d) go to the caller's stderr as in a process of its own (timings aside). */
    @Test
    void diagnosticsAsInAProcessOfItsOwn() throws Exception {
        warm.start();
        String[] args = {"-d", "0", "-c", "test:///default", "uri; domid nosuch"};
        Result own = warm.own("", args);
        Result served = warm.warm("", args);
        assertTrue(own.err().contains("lvsh: info: command uri: status 0, "), own.err());
        assertEquals(own.err().replaceAll("\\d+\\.\\d+ ms", "N ms"), served.err().replaceAll("\\d+\\.\\d+ ms", "N ms"));
        assertEquals(own.out(), served.out());
        assertEquals(own.status(), served.status());
    }

    /**
     * A server that ends in the middle of a script: what ran stays done and printed, the rest is not run twice
     * here; the caller says so and fails.
     */
    @Test
    void aServerEndingMidwaySaysSo() throws Exception {
        warm.start();
        long pid = warm.serverPid();
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getLoopbackAddress())) {
            Path script = tmp.resolve("midway.txt");
            Files.writeString(script, "uri\nconnect qemu+tcp://127.0.0.1:" + silent.getLocalPort()
                    + "/system\nhostname\n");
            Process p = warm.warmProcess("-c", "test:///default").redirectInput(script.toFile()).start();
            silent.setSoTimeout(20_000);
            try (java.net.Socket peer = silent.accept()) { // the script is at its second line, on the server
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals("test:///default\n\n", new String(p.getInputStream().readAllBytes()));
            assertEquals("error: the lvsh server ended while running the command\n",
                    new String(p.getErrorStream().readAllBytes()));
            assertEquals(1, p.exitValue());
        }
    }

    /** Relative paths of lvsh's own (-l) are the caller's, as the log file shows. */
    @Test
    void aRelativeLogIsTheCallers() throws Exception {
        warm.start();
        Path dir = Files.createDirectories(tmp.resolve("here"));
        Result r = warm.warmShell("cd " + dir + " && exec \"$LVSH\" -l my.log -c test:///default uri");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.readString(dir.resolve("my.log")).contains("command uri: status 0"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("my.log"))));
    }

    /**
     * Output that cannot be written fails the command as in a process of its own: a full disk is one error line
     * and status 1, a reader gone is status 1 without a word; a command that failed keeps its status.
     */
    @Test
    void lostOutputAsInAProcessOfItsOwn() throws Exception {
        warm.start();
        for (String line : List.of("exec \"$LVSH\" -c test:///default list > /dev/full",
                "exec \"$LVSH\" -c test:///default dominfo nosuch > /dev/full",
                "exec \"$LVSH\" --version > /dev/full",
                "\"$LVSH\" -c test:///default 'list; nodeinfo; version' | head -c 1 >/dev/null; exit ${PIPESTATUS[0]}",
                "exec \"$LVSH\" -c test:///default list >&-")) {
            Result own = warm.ownShell(line);
            assertSame(own, warm.warmShell(line), line);
            assertTrue(own.status() != 0, line);
        }
    }

    /** Output is streamed, not kept: far more than the server's heap goes through. */
    @Test
    void outputLargerThanTheServersHeap() throws Exception {
        warm.start();
        String word = "x".repeat(100_000);
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < 1_600; i++) {
            script.append("echo ").append(word).append('\n');
        }
        Path file = tmp.resolve("big.txt");
        Files.writeString(file, script);
        Result r = warm.warmShell("\"$LVSH\" < " + file + " | wc -c; exit ${PIPESTATUS[0]}");
        assertEquals(0, r.status(), r.err());
        assertEquals(1_600L * 100_001, Long.parseLong(r.out().trim()));
        assertEquals("", r.err());
        assertEquals(1, warm.servers().size(), "the same server, alive");
    }

    /** Credentials are asked on the caller's terminal while the command waits on the server. */
    @Test
    void credentialsOnTheCallersTerminal() throws Exception {
        warm.start();
        String authNode = NodeXml.host().domain("web", NodeXml.State.RUNNING).auth("alice", "secret")
                .write(tmp, "auth.xml");
        long before = warm.served();
        Map<String, String> env = new java.util.HashMap<>(warm.env());
        env.put("LVSH_SERVER", "1");
        try (Pty pty = Pty.start(Project.launcher() + " -c " + authNode + " list --all", env)) {
            pty.expect("Enter username for localhost: ");
            pty.type("alice\r");
            pty.expect("password for localhost: ");
            pty.type("secret\r");
            String screen = pty.expect("web +running");
            assertFalse(screen.contains("secret"), "the password is not echoed: " + screen);
            assertEquals(0, pty.waitFor(Duration.ofSeconds(20)));
        }
        assertEquals(before + 1, warm.served(), "it ran on the server");
    }

    /** 200 callers at once, and one that connects and says nothing: all answered, correctly, nothing on stderr. */
    @Test
    void callersAtOnce() throws Exception {
        warm.start();
        Path socket = Path.of(warm.servers().get(0).get("socket").asText());
        try (SocketChannel silent = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.connect(UnixDomainSocketAddress.of(socket));
            String expected = Run.clockless(warm.own("", "-c", "test:///default", "dominfo", "test").out());
            ExecutorService pool = Executors.newFixedThreadPool(200);
            try {
                List<Future<Result>> runs = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    runs.add(pool.submit(() -> warm.warm("", "-c", "test:///default", "dominfo", "test")));
                }
                for (Future<Result> f : runs) {
                    Result r = f.get();
                    assertEquals(0, r.status(), r.err());
                    assertEquals("", r.err());
                    assertEquals(expected, Run.clockless(r.out()));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** A request too large, or not in the protocol, is dropped; the server goes on. */
    @Test
    void badRequestsAreDropped() throws Exception {
        warm.start();
        long pid = warm.serverPid();
        Path socket = Path.of(warm.servers().get(0).get("socket").asText());
        for (byte[] bad : List.of(new byte[] {'Q', 0x03, (byte) 0xc0, 0, 0}, // a 60 MiB request announced
                new byte[] {'Q', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, new byte[] {'?', 0, 0, 0, 0},
                new byte[] {'Q', 0, 0, 0, 3, 'x', 'y', 0})) {
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(socket));
                ch.write(ByteBuffer.wrap(bad));
                ByteBuffer answer = ByteBuffer.allocate(16);
                assertEquals(-1, ch.read(answer), "no answer, the connection closed");
            }
        }
        // 60 MiB actually sent
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer big = ByteBuffer.allocate(60 << 20);
            big.put(new byte[] {'Q', 0x03, (byte) 0xc0, 0, 0});
            big.rewind();
            try {
                while (big.hasRemaining()) {
                    ch.write(big);
                }
            } catch (IOException e) {
                // the server closed its end
            }
        }
        Result r = warm.warm("", "-c", "test:///default", "uri");
        assertEquals("test:///default\n\n", r.out());
        assertEquals(pid, warm.serverPid(), "the same server");
    }

    /** A server killed is replaced without a word; the command that found it dead runs in its own process. */
    @Test
    void aDeadServerIsReplacedSilently() throws Exception {
        warm.start();
        long pid = warm.serverPid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        for (int i = 0; i < 100 && ProcessHandle.of(pid).isPresent(); i++) {
            Thread.sleep(50);
        }
        Result r = warm.warm("", "-c", "test:///default", "uri");
        assertEquals("test:///default\n\n", r.out());
        assertEquals("", r.err());
        assertEquals(0, r.status());
        long next = 0;
        for (int i = 0; i < 200 && next == 0; i++) {
            List<com.fasterxml.jackson.databind.JsonNode> s = warm.servers();
            next = s.isEmpty() ? 0 : s.get(0).get("pid").asLong();
            Thread.sleep(50);
        }
        assertTrue(next != 0 && next != pid, "a new server: " + next);
    }

    /**
     * A signal ends a command on the server as it ends a process of its own (128 + the signal, at once), and the
     * server goes on for the next caller.
     */
    @Test
    void aSignalEndsTheCommand() throws Exception {
        warm.start();
        long pid = warm.serverPid();
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getLoopbackAddress())) {
            String uri = "qemu+tcp://127.0.0.1:" + silent.getLocalPort() + "/system";
            long before = warm.served();
            Process p = warm.warmProcess("-c", uri, "list").redirectErrorStream(true).start();
            silent.setSoTimeout(20_000);
            try (java.net.Socket peer = silent.accept()) { // the command is connecting, waiting for an answer
                assertTrue(p.isAlive());
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS), "ended at once");
            }
            assertEquals(130, p.exitValue());
            assertEquals(before + 1, warm.served(), "it was the server's command");
        }
        assertEquals("test:///default\n\n", warm.warm("", "-c", "test:///default", "uri").out());
        assertEquals(pid, warm.serverPid());
    }

    /** Another umask or another libvirt environment is another server: each caller's process environment. */
    @Test
    void anotherProcessEnvironmentIsAnotherServer() throws Exception {
        warm.start();
        Result umask = warm.warmShell("umask 077 && exec \"$LVSH\" -c test:///default uri");
        assertEquals("test:///default\n\n", umask.out());
        warm.env().put("LIBVIRT_AUTH_FILE", tmp.resolve("none.conf").toString());
        warm.warm("", "-c", "test:///default", "uri");
        warm.env().remove("LIBVIRT_AUTH_FILE");
        for (int i = 0; i < 200 && warm.servers().size() < 3; i++) {
            Thread.sleep(50);
        }
        assertEquals(3, warm.servers().size(), "one server per process environment");
    }

    /** lvsh server status and stop; LVSH_SERVER=0 and the config file turn the warm path off. */
    @Test
    void statusStopAndOff() throws Exception {
        warm.start();
        Result status = warm.warm("", "server", "status");
        assertTrue(status.out().startsWith("Warm path:      on\nDirectory:      " + warm.runtime().resolve("lvsh")
                + "\nServers:        1\n\nPid:"), status.out());
        Result stop = warm.warm("", "server", "stop");
        assertTrue(stop.out().matches("Stopped the lvsh server \\(pid \\d+\\)\n\n"), stop.out());
        assertEquals("No lvsh server is running\n\n", warm.warm("", "server", "stop").out());
        Result off = warm.own("", "server", "status");
        assertTrue(off.out().startsWith("Warm path:      off\nReason:         LVSH_SERVER=0\n"), off.out());
        Path config = Files.createDirectories(tmp.resolve("config/lvsh"));
        Files.writeString(config.resolve("lvsh.conf"), "# no warm path here\nserver = off\n");
        warm.env().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        warm.warm("", "-c", "test:///default", "uri");
        // a run that leaves a server marks its start before it ends: none here
        try (var left = Files.list(warm.runtime().resolve("lvsh"))) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".starting") || n.endsWith(".sock")).toList(), "the config turned it off");
        }
        Result configOff = Run.launcher("", Map.of("XDG_RUNTIME_DIR", warm.runtime().toString(), "XDG_CONFIG_HOME",
                tmp.resolve("config").toString(), "LVSH_SERVER", "1"), "server", "status");
        assertTrue(configOff.out().startsWith("Warm path:      off\nReason:         server = off in "), configOff.out());
    }
}
