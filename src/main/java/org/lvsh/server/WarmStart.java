package org.lvsh.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Leaves a warm server behind a run of its own that found none (bin/lvsh says where it looked): the same JVM, the
 * same options and jar, in a session of its own (a Ctrl-C at the terminal is not for it), in /, with nothing of
 * the caller's stdin, stdout or stderr. Callers that find none at the same time start one between them: a mark
 * says one is on its way.
 */
public final class WarmStart {
    /**
     * The server's heap: enough for a fleet's answers, bounded for a process that lives for minutes. A young
     * generation of its own size (24 MiB) because a command over 20 hosts allocates some 20 MiB: in a young
     * generation shrunk to a few MiB it paid a collection every few hosts (-H over 20 SASL hosts: 173 ms, 139 ms
     * with it; 22 MiB more resident).
     */
    private static final List<String> SERVER_OPTIONS = List.of("-Xms32m", "-Xmn24m", "-Xmx128m", "-Xss512k",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+ExitOnOutOfMemoryError");
    private static final long MARK_MILLIS = 30_000;

    private WarmStart() {
    }

    /** Starts a server for the socket bin/lvsh named in {@code env}, if it named one. Never fails the run. */
    public static void startIfWanted(Map<String, String> env) {
        String socket = env.get("LVSH_WARM_SOCKET");
        if (socket == null || !socket.startsWith("/")) {
            return;
        }
        try {
            start(Paths.get(socket), env.getOrDefault("LVSH_WARM_UMASK", ""));
        } catch (IOException | RuntimeException e) {
            // the next run starts one, or runs in its own process as this one did
        }
    }

    private static void start(Path socket, String umask) throws IOException {
        Path dir = socket.getParent();
        if (dir == null || WarmPlace.problem(dir, WarmPlace.uid()) != null) {
            return;
        }
        List<String> command = serverCommand();
        if (command == null || !mark(dir.resolve(socket.getFileName().toString().replaceFirst("\\.sock$", "")
                + ".starting"))) {
            return;
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(new File("/"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("LVSH_WARM_SOCKET");
        pb.environment().remove("LVSH_WARM_UMASK");
        pb.environment().put("LVSH_SERVE", socket.toString());
        pb.environment().put("LVSH_SERVE_UMASK", umask);
        pb.start();
    }

    /** This JVM's command line with the server's heap and without lvsh's arguments; null if it was no -jar. */
    private static List<String> serverCommand() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        String java = info.command().orElse(null);
        List<String> args = Arrays.asList(info.arguments().orElse(new String[0]));
        int jar = args.indexOf("-jar");
        if (java == null || jar < 0 || jar + 1 >= args.size()) {
            return null;
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Paths.get("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(java);
        command.addAll(args.subList(0, jar));
        command.addAll(SERVER_OPTIONS);
        command.add("-jar");
        command.add(Paths.get(args.get(jar + 1)).toAbsolutePath().toString()); // the server runs in /
        return command;
    }

    /** Claims the start; false when another caller claimed it moments ago. */
    private static boolean mark(Path mark) throws IOException {
        try {
            Files.createFile(mark, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return true;
        } catch (FileAlreadyExistsException e) {
            FileTime made = Files.getLastModifiedTime(mark, LinkOption.NOFOLLOW_LINKS);
            if (System.currentTimeMillis() - made.toMillis() < MARK_MILLIS) {
                return false;
            }
            Files.setLastModifiedTime(mark, FileTime.fromMillis(System.currentTimeMillis()));
            return true; // a start that never came up: try again
        }
    }
}
