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

    public static void main(String[] args) throws java.io.IOException {
        // picocli registers converters for java.sql and java.time types by reflection in every CommandLine,
        // initializing those classes (and java.time's lambdas): a good part of a one-shot start, for types lvsh
        // never converts.
        System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*,java\\.nio\\.file\\..*");
        // before anything loads JNA: a cache on a full file system must not leave lvsh without its native library
        org.lvsh.libvirt.jna.Unpacking.prepare(System.getenv(), System.err::println);
        String serve = System.getenv("LVSH_SERVE");
        if (serve != null && !serve.isEmpty()) {
            // the optional command server the launcher starts (LVSH_SERVER=1); idle minutes: LVSH_SERVER_IDLE
            org.lvsh.server.Server.serve(java.nio.file.Paths.get(serve), idleSeconds());
            return;
        }
        String training = System.getenv("LVSH_TRAIN");
        if (training != null && !training.isEmpty()) {
            Training.run(Training.directory(training)); // the launcher recording a class-data archive
            return;
        }
        // stdout unwrapped, so that a write error keeps its reason (PrintStream would swallow it)
        int status = new Lvsh(System.in, new java.io.FileOutputStream(java.io.FileDescriptor.out), System.err,
                () -> Terminals.isTerminal(0) && Terminals.isTerminal(1)).run(args);
        System.exit(status);
    }
}
