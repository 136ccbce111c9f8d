package org.lvsh.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lvsh.support.Run.Result;

/**
 * A warm path of a test's own: a private runtime directory, so that its servers are the test's, and both ways
 * of running the launcher: through the warm path (the default) and in a process of its own (LVSH_SERVER=0).
 */
public final class WarmPath implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path runtime;
    private final Map<String, String> env = new HashMap<>();

    public WarmPath(Path tempDir) throws IOException {
        runtime = Files.createDirectories(tempDir.resolve("runtime"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("LVSH_SERVER_IDLE", "120");
        env.put("LVSH_NO_ARCHIVE", "1");
    }

    public Path runtime() {
        return runtime;
    }

    /** The environment both ways share; tests may add to it. */
    public Map<String, String> env() {
        return env;
    }

    private Map<String, String> warmEnv() {
        Map<String, String> e = new HashMap<>(env);
        e.put("LVSH_SERVER", "1"); // anything but 0: on, as when unset
        return e;
    }

    /** Through the warm path. */
    public Result warm(String stdin, String... args) {
        return Run.launcher(stdin, warmEnv(), args);
    }

    /** In a process of its own. */
    public Result own(String stdin, String... args) {
        return Run.launcher(stdin, env, args);
    }

    /** The launcher through the warm path, started but not waited for, in the environment of {@link #warm}. */
    public ProcessBuilder warmProcess(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Project.launcher().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Run.environment(pb.environment(), warmEnv());
        return pb;
    }

    /** A command line through the warm path, as a shell would run it (for redirections and pipes). */
    public Result warmShell(String commandLine) {
        return Run.process(List.of("bash", "-c", commandLine), "", withLauncher(warmEnv()));
    }

    public Result ownShell(String commandLine) {
        return Run.process(List.of("bash", "-c", commandLine), "", withLauncher(new HashMap<>(env)));
    }

    private static Map<String, String> withLauncher(Map<String, String> e) {
        e.put("LVSH", Project.launcher().toString());
        return e;
    }

    /** Starts a server (a run of its own leaves one behind) and waits until it answers. */
    public void start() throws InterruptedException {
        warm("", "-c", "test:///default", "uri");
        for (int i = 0; i < 200 && servers().isEmpty(); i++) {
            Thread.sleep(50);
        }
        if (servers().isEmpty()) {
            throw new AssertionError("no warm server came up: " + own("", "server", "status"));
        }
    }

    /** lvsh server status --json's servers. */
    public List<JsonNode> servers() {
        Result r = warm("", "server", "status", "--json");
        try {
            List<JsonNode> list = new ArrayList<>();
            JSON.readTree(r.out()).get("servers").forEach(list::add);
            return list;
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("server status --json: " + r, e);
        }
    }

    /** Commands the servers ran so far. */
    public long served() {
        return servers().stream().mapToLong(s -> s.get("served").asLong()).sum();
    }

    public long serverPid() {
        List<JsonNode> s = servers();
        if (s.size() != 1) {
            throw new AssertionError("expected one server, found " + s);
        }
        return s.get(0).get("pid").asLong();
    }

    @Override
    public void close() {
        warm("", "server", "stop");
    }
}
