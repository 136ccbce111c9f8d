package org.lvsh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsh.support.NodeXml;
import org.lvsh.support.Project;
import org.lvsh.support.Pty;
import org.lvsh.support.Run;
import org.lvsh.support.Run.Result;

/**
 * LVSH_SERVER=1: one-shot commands run in a warm JVM. Whatever goes through it must look exactly like a run of
 * its own: stdout, stderr, exit status; and what it cannot do (credentials, another environment) must run here.
 */
class CommandServerIT {
    @TempDir
    Path runtime;
    @TempDir
    Path work;

    private Map<String, String> env;

    @BeforeEach
    void privateServer() {
        env = new HashMap<>();
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("LVSH_SERVER_IDLE", "60");
    }

    @AfterEach
    void stopServer() throws IOException {
        for (Path file : serverFiles()) {
            long pid = Long.parseLong(Files.readString(file).trim().split(" ")[2]);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    private List<Path> serverFiles() throws IOException {
        try (var files = Files.walk(runtime)) {
            return files.filter(p -> p.getFileName().toString().equals("server")).toList();
        }
    }

    private Result viaServer(String... args) {
        Map<String, String> e = new HashMap<>(env);
        e.put("LVSH_SERVER", "1");
        return Run.launcher("", e, args);
    }

    /** Starts the server (the first command runs locally and leaves one behind) and waits for it. */
    private void startServer() throws Exception {
        viaServer("-c", "test:///default", "uri");
        for (int i = 0; i < 100 && serverFiles().isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertEquals(1, serverFiles().size(), "a server was started");
        Path file = serverFiles().get(0);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void sameOutputErrorsAndStatusAsARunOfItsOwn() throws Exception {
        startServer();
        String uri = NodeXml.host().domain("web", NodeXml.State.RUNNING).domain("my vm", NodeXml.State.SHUTOFF)
                .write(work, "node.xml");
        List<List<String>> commands = List.of(
                List.of("-c", "test:///default", "nodeinfo"),
                List.of("-c", "test:///default", "list", "--all", "--json"),
                List.of("-c", uri, "list", "--all"),
                List.of("-c", uri, "dominfo", "my vm"),
                List.of("-c", uri, "dominfo", "nosuch"),
                List.of("-c", uri, "dominfo", "nosuch", "--json"),
                List.of("-c", uri, "list", "--bogus"),
                List.of("-c", "test:///default", "freecell", "--all", "--cellno", "0"),
                List.of("-c", "test:///default", "uri; domid nosuch; hostname"),
                List.of("-c", "test:///default", "complete", "--", "dominfo", ""),
                List.of("-c", "test:///nonexistent.xml", "nodeinfo"),
                List.of("-q", "-c", "test:///default", "freepages", "--all"),
                List.of("help", "list"));
        long before = served();
        for (List<String> command : commands) {
            String[] args = command.toArray(new String[0]);
            Result local = Run.launcher("", env, args);
            Result served = viaServer(args);
            // the test driver's CPU time follows the wall clock: compare it by shape
            assertEquals(local.out().replaceAll("CPU time: +\\d+\\.\\ds", "CPU time: N"),
                    served.out().replaceAll("CPU time: +\\d+\\.\\ds", "CPU time: N"), "stdout of " + command);
            assertEquals(local.err(), served.err(), "stderr of " + command);
            assertEquals(local.status(), served.status(), "status of " + command);
        }
        assertEquals(before + commands.size(), served(), "every command ran on the server");
    }

    /** top goes on sample after sample: it keeps its caller's process, with the same output as without the server. */
    @Test
    void topRunsInItsCallersProcess() throws Exception {
        startServer();
        long before = served();
        String[] args = {"-c", "test:///default", "top", "-b", "-n", "2", "-d", "0", "-q"};
        Result local = Run.launcher("", env, args);
        Result withServer = viaServer(args);
        assertEquals(0, withServer.status(), withServer.err());
        assertEquals(local.out(), withServer.out());
        assertEquals(" 1  test  running  -  -  -  -  -  -  -  -  -  -\n\n"
                + " 1  test  running  -  -  -  -  -  -  -  -  -  -\n", withServer.out());
        assertEquals(before, served(), "the server ran nothing");
    }

    /** How many commands the server ran (it keeps the count beside its address). */
    private long served() throws IOException {
        Path file = serverFiles().get(0).resolveSibling("served");
        return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 0;
    }

    /** Commands in a file run on the server too; a pipe never does (it may be endless or interactive). */
    @Test
    void scriptsFromAFile() throws Exception {
        startServer();
        Path script = work.resolve("commands.txt");
        Files.writeString(script, "uri\n# a comment\nhostname; domid test\ndominfo nosuch\nlist --bogus\nnodeinfo\n");
        List<String> command = List.of("bash", "-c", "exec \"$0\" -c test:///default < \"$1\"",
                Project.launcher().toString(), script.toString());
        Map<String, String> served = new HashMap<>(env);
        served.put("LVSH_SERVER", "1");
        Result local = Run.process(command, "", env);
        Result remote = Run.process(command, "", served);
        assertEquals(local.out(), remote.out());
        assertEquals(local.err(), remote.err());
        assertEquals(2, remote.status());
        assertEquals(local.status(), remote.status());
        assertEquals(1, served(), "the script ran on the server");
    }

    /**
     * Output that cannot be written fails a served command as it fails a run of its own: one error line with
     * the reason, status 1 (a failed command keeps its status), the rest of the answer (stderr) still shown.
     */
    @Test
    void lostOutputIsAnErrorAsInARunOfItsOwn() throws Exception {
        startServer();
        Path script = Files.writeString(work.resolve("commands.txt"), "uri\nhostname\n");
        Map<String, String> served = new HashMap<>(env);
        served.put("LVSH_SERVER", "1");
        String full = "error: cannot write output: No space left on device\n";
        long before = served();
        for (String[] c : new String[][] {
            {"exec \"$0\" -c test:///default uri >/dev/full", "1", full},
            {"exec \"$0\" -c test:///default 'uri; hostname' >/dev/full", "1", full},
            {"exec \"$0\" -c test:///default < \"$1\" >/dev/full", "1", full},
            {"exec \"$0\" -c test:///default 'uri; dominfo nosuch' >/dev/full", "1",
                "error: failed to get domain 'nosuch'\n" + full},
            {"exec \"$0\" -c test:///default uri >&-", "1", "error: cannot write output: Bad file descriptor\n"}}) {
            List<String> command = List.of("bash", "-c", c[0], Project.launcher().toString(), script.toString());
            Result local = Run.process(command, "", env);
            Result remote = Run.process(command, "", served);
            assertEquals(c[2], local.err(), c[0]);
            assertEquals(Integer.parseInt(c[1]), local.status(), c[0]);
            assertEquals(c[2], remote.err(), c[0]);
            assertEquals(Integer.parseInt(c[1]), remote.status(), c[0]);
        }
        assertEquals(before + 4, served(), "all but the closed stdout ran on the server");
    }

    @Test
    void credentialsAreAskedHereOnTheTerminal() throws Exception {
        startServer();
        String uri = NodeXml.host().auth("alice", "pw-123").domain("web", NodeXml.State.RUNNING)
                .write(work, "auth.xml");
        StringBuilder envs = new StringBuilder();
        env.forEach((k, v) -> envs.append(k).append('=').append(v).append(' '));
        try (Pty pty = Pty.start("env " + envs + "LVSH_SERVER=1 " + Project.launcher() + " -c " + uri + " list",
                Map.of())) {
            pty.expect("Enter username for localhost: ");
            pty.type("alice\r");
            pty.expect("password for localhost: ");
            pty.type("pw-123\r");
            pty.expect(" 1    web    running");
            assertEquals(0, pty.waitFor(Duration.ofSeconds(20)));
            assertFalse(pty.all().contains("pw-123"));
        }
    }

    @Test
    void anotherEnvironmentRunsHere() throws Exception {
        startServer();
        Map<String, String> other = new HashMap<>(env);
        other.put("LVSH_SERVER", "1");
        other.put("LVSH_DEFAULT_URI", "test:///default");
        Result r = Run.launcher("", other, "uri");
        assertEquals("test:///default\n\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void aDeadServerIsReplaced() throws Exception {
        startServer();
        Path file = serverFiles().get(0);
        long pid = Long.parseLong(Files.readString(file).trim().split(" ")[2]);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        Thread.sleep(300);
        Result r = viaServer("-c", "test:///default", "hostname"); // stale address: runs here, starts a new one
        assertEquals("vm\n\n", r.out());
        for (int i = 0; i < 100; i++) {
            if (Files.exists(file) && !Files.readString(file).contains(" " + pid + "\n")) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(Files.exists(file) && !Files.readString(file).contains(" " + pid + "\n"), "a new server");
        assertEquals("vm\n\n", viaServer("-c", "test:///default", "hostname").out());
    }

    @Test
    void aWrongSecretGetsNothing() throws Exception {
        startServer();
        String[] address = Files.readString(serverFiles().get(0)).trim().split(" ");
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", Integer.parseInt(address[0]))) {
            s.getOutputStream().write(("lvsh-request-1\0" + "0".repeat(64) + "\0\0" + "1\0uri\0")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            s.shutdownOutput();
            assertEquals(-1, s.getInputStream().read(), "no answer to a stranger");
        }
    }
}
