package org.lvsh;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.libvirt.Library;
import org.lvsh.libvirt.Connection;
import org.lvsh.libvirt.CredentialPrompter;
import org.lvsh.libvirt.Keepalive;
import org.lvsh.libvirt.Session;
import org.lvsh.libvirt.jna.ErrorCapture;

/**
 * Starts the slow part of a one-shot run (loading libvirt through JNA, opening the connection) on a second core
 * while the main thread parses the command line. Only the URI is needed for that, and a quick look at the
 * arguments finds it; picocli remains the judge of the command line, and a head start that turns out not to
 * match what picocli decided is simply closed. Credentials are not asked for until the command line has been
 * accepted, so a typo never costs a password prompt.
 */
final class HeadStart {
    /** Global options that take a value, so that the scan can skip it (checked against GlobalOptions in tests). */
    static final Set<String> VALUE_OPTIONS = Set.of("-c", "--connect", "-o", "--output", "-d", "--debug", "-l",
            "--log", "-k", "--keepalive-interval", "-K", "--keepalive-count");
    private static final Set<String> NO_CONNECTION = Set.of("help", "quit", "exit", "connect", "complete");
    /**
     * Commands that make only lvsh's direct libvirt calls; the others use libvirt-java, whose start-up (a proxy of
     * some 400 functions) is then done here too, once the connection is open, while the main thread parses.
     */
    static final Set<String> WITHOUT_BINDING = Set.of("nodeinfo", "hostname", "uri", "list", "capabilities",
            "freecell", "freepages");

    private final String uri;
    private final boolean readOnly;
    private final boolean warmBinding;
    private final CountDownLatch accepted = new CountDownLatch(1);
    private final CompletableFuture<Connection> connection;

    private HeadStart(String uri, boolean readOnly, boolean warmBinding, CompletableFuture<Connection> connection) {
        this.uri = uri;
        this.readOnly = readOnly;
        this.warmBinding = warmBinding;
        this.connection = connection;
    }

    /**
     * Looks at the arguments and, for a one-shot command that will connect or for script mode, starts connecting.
     */
    static HeadStart begin(String[] args, CredentialPrompter prompter) {
        String uri = null;
        boolean readOnly = false;
        int i = 0;
        for (; i < args.length && args[i].startsWith("-") && args[i].length() > 1; i++) {
            String a = args[i];
            if (a.equals("-c") || a.equals("--connect")) {
                if (i + 1 >= args.length) {
                    return none();
                }
                uri = args[++i];
            } else if (a.startsWith("--connect=")) {
                uri = a.substring("--connect=".length());
            } else if (a.equals("-r") || a.equals("--readonly")) {
                readOnly = true;
            } else if (a.equals("-k") || a.equals("-K") || a.startsWith("--keepalive") || a.equals("-h")
                    || a.equals("--help") || a.equals("-v") || a.equals("-V") || a.equals("--version")
                    || a.startsWith("-") && !a.startsWith("--") && a.length() > 2) {
                return none(); // unusual or clustered options: let the normal path handle everything
            } else if (VALUE_OPTIONS.contains(a)) {
                i++;
            }
        }
        if (i >= args.length) {
            // No command: the shell, or script mode, which needs the connection as one-shot mode does. Without a
            // console this is no shell (System.console() answers without loading JNA on this thread).
            if (System.console() != null) {
                return none();
            }
        } else if (args.length - i > 1 && mentionsSessionOptions(List.of(args).subList(i, args.length))
                || NO_CONNECTION.contains(firstWord(args[i]))) {
            return none();
        }
        String target = uri != null ? uri : org.lvsh.cli.Settings.defaultUri(null);
        boolean warm = i >= args.length || !WITHOUT_BINDING.contains(firstWord(args[i]));
        HeadStart start = new HeadStart(target, readOnly, warm, new CompletableFuture<>());
        CredentialPrompter gated = (prompt, echo) -> {
            start.awaitAcceptance();
            return prompter.ask(prompt, echo);
        };
        Thread t = new Thread(() -> start.open(gated), "lvsh-head-start");
        t.setDaemon(true);
        t.start();
        return start;
    }

    private static HeadStart none() {
        return new HeadStart(null, false, false, null);
    }

    private static String firstWord(String arg) {
        String trimmed = arg.strip();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end)) && trimmed.charAt(end) != ';') {
            end++;
        }
        return trimmed.substring(0, end);
    }

    private static boolean mentionsSessionOptions(List<String> words) {
        for (String w : words) {
            if (w.equals("-c") || w.startsWith("--connect") || w.equals("-r") || w.equals("--readonly")
                    || w.equals("-k") || w.equals("-K") || w.startsWith("--keepalive")) {
                return true;
            }
        }
        return false;
    }

    private void open(CredentialPrompter prompter) {
        try {
            ErrorCapture.install(); // loads libvirt through JNA, the larger part of the cost
            connection.complete(Session.openConnection(uri, readOnly, prompter, Keepalive.VIRSH_DEFAULT));
        } catch (Throwable e) {
            connection.completeExceptionally(e);
            return;
        }
        if (warmBinding) {
            try {
                Library.getVersion();
            } catch (Throwable e) {
                // only a head start: the command meets the same failure itself, and reports it
            }
        }
    }

    private void awaitAcceptance() {
        try {
            accepted.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run ends before any command (help, a usage error): close whatever was opened. */
    void abandon() {
        if (connection != null) {
            connection.thenAccept(Connection::close);
        }
    }

    /**
     * Hands the connection being opened to the session if it is the one the session wants; otherwise closes it
     * once it is open. Either way the command line has been accepted: credentials may now be asked for.
     */
    void handOver(Session session) {
        if (connection == null) {
            return;
        }
        accepted.countDown();
        if (session.wouldOpen(uri, readOnly)) {
            session.adopt(connection);
        } else {
            connection.thenAccept(Connection::close);
        }
    }
}
