package org.lvsh;

import org.lvsh.repl.Terminals;

/** The lvsh command. */
public final class Main {
    private Main() {
    }

    private static long idleSeconds() {
        try {
            return Long.parseLong(System.getenv().getOrDefault("LVSH_SERVER_IDLE", "600"));
        } catch (NumberFormatException e) {
            return 600;
        }
    }

    /** The umask bin/lvsh saw (octal); -1 when unknown, which no caller has. */
    private static int umask(String octal) {
        try {
            return Integer.parseInt(octal, 8);
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }

    public static void main(String[] args) throws java.io.IOException {
        // picocli registers converters for java.sql and java.time types by reflection in every CommandLine,
        // initializing those classes (and java.time's lambdas): a good part of a one-shot start, for types lvsh
        // never converts.
        System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*,java\\.nio\\.file\\..*");
        // before anything loads JNA: a cache on a full file system must not leave lvsh without its native library
        org.lvsh.libvirt.jna.Unpacking.prepare(System.getenv(), System.err::println);
        String serve = System.getenv("LVSH_SERVE");
        if (serve != null && !serve.isEmpty()) {
            // the warm server a run of its own left behind (WarmStart); idle seconds: LVSH_SERVER_IDLE
            org.lvsh.server.WarmServer.serve(java.nio.file.Paths.get(serve), idleSeconds(),
                    umask(System.getenv("LVSH_SERVE_UMASK")));
            System.exit(0); // a caller's command stuck in a native call does not keep the server alive
        }
        String training = System.getenv("LVSH_TRAIN");
        if (training != null && !training.isEmpty()) {
            Training.run(Training.directory(training)); // the launcher recording a class-data archive
            return;
        }
        // stdout unwrapped, so that a write error keeps its reason (PrintStream would swallow it)
        Lvsh lvsh = new Lvsh(System.in, new java.io.FileOutputStream(java.io.FileDescriptor.out), System.err,
                () -> Terminals.isTerminal(0) && Terminals.isTerminal(1));
        int status = lvsh.run(args);
        if (lvsh.leavesWarmServer()) {
            org.lvsh.server.WarmStart.startIfWanted(System.getenv()); // bin/lvsh found none: one for next time
        }
        System.exit(status);
    }
}
