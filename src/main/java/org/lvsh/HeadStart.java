package org.lvsh;

import java.util.List;
import java.util.Set;
import org.lvsh.cli.CommandCatalog;
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
    static final Set<String> VALUE_OPTIONS = org.lvsh.cli.GlobalOptions.valueOptionNames();
    /** What each command needs, as the catalog declares it. */
    private static final CommandCatalog CATALOG = new CommandCatalog();

    /** Commands that open no connection of the run's (help, echo, connect...), and words that are no command. */
    static boolean connects(String command) {
        CommandCatalog.Entry e = CATALOG.find(command);
        return e != null && e.connected();
    }

    /**
     * Commands that make only lvsh's direct libvirt calls; the others use libvirt-java, whose start-up (a proxy of
     * some 400 functions) is then done here too, once the connection is open, while the main thread parses.
     */
    static boolean withoutBinding(String command) {
        CommandCatalog.Entry e = CATALOG.find(command);
        return e != null && e.has(CommandCatalog.Fact.DIRECT_CALLS);
    }

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
    static HeadStart begin(String[] args, CredentialPrompter prompter, java.util.Map<String, String> env) {
        Target run = Target.scan(List.of(args));
        String hosts = env.get("LVSH_HOSTS");
        if (run == null || !run.uriGiven() && hosts != null && !hosts.isBlank()) {
            if (run != null || namesHosts(args)) {
                org.lvsh.libvirt.NativeWarmUp.begin(); // a set of hosts connects later, each on its own
            }
            return none();
        }
        int i = run.command();
        if (i >= args.length) {
            // No command: the shell, or script mode, which needs the connection as one-shot mode does. Without a
            // console this is no shell (System.console() answers without loading JNA on this thread).
            if (System.console() != null) {
                return none();
            }
        } else if (args[i].equals("complete")) {
            return forCompletion(List.of(args).subList(i + 1, args.length), run, env);
        } else if (args.length - i > 1 && mentionsSessionOptions(List.of(args).subList(i, args.length))
                || !connects(firstWord(args[i]))) {
            return none();
        }
        boolean warm = i >= args.length || !withoutBinding(firstWord(args[i]));
        return start(run.uri(), run.readOnly(), warm, prompter, true, env);
    }

    /**
     * Completion connects for the values of a command's arguments (domain names, cells), to the URI of the words
     * being completed if they give one: opening it while the words are parsed halves the wait at each TAB. It
     * never prompts.
     */
    private static HeadStart forCompletion(List<String> words, Target run, java.util.Map<String, String> env) {
        List<String> w = !words.isEmpty() && words.get(0).equals("--") ? words.subList(1, words.size()) : words;
        if (w.size() < 2) {
            return none();
        }
        Target typed = Target.scan(w.subList(0, w.size() - 1));
        if (typed == null || typed.command() >= w.size() - 1 || !connects(w.get(typed.command()))) {
            return none(); // completing lvsh's options or a command name: nothing to connect for
        }
        Target target = typed.uriGiven() || typed.readOnly() ? typed : run;
        return start(target.uri(), target.readOnly(), false, CredentialPrompter.NEVER, false, env);
    }

    private static HeadStart start(String uri, boolean readOnly, boolean warm, CredentialPrompter prompter,
                                   boolean gate, java.util.Map<String, String> env) {
        String target = uri != null ? uri : org.lvsh.cli.Settings.defaultUri(null, env);
        HeadStart start = new HeadStart(target, readOnly, warm, new CompletableFuture<>());
        CredentialPrompter asker = !gate ? prompter : (prompt, echo) -> {
            start.awaitAcceptance();
            return prompter.ask(prompt, echo);
        };
        Thread t = new Thread(() -> start.open(asker), "lvsh-head-start");
        t.setDaemon(true);
        t.start();
        return start;
    }

    /** The connection options at the front of a command line, and where its command starts. */
    private record Target(String uri, boolean uriGiven, boolean readOnly, int command) {
        /** null for unusual or clustered options: the normal path then handles everything. */
        static Target scan(List<String> words) {
            String uri = null;
            boolean uriGiven = false;
            boolean readOnly = false;
            int i = 0;
            for (; i < words.size() && words.get(i).startsWith("-") && words.get(i).length() > 1; i++) {
                String a = words.get(i);
                if (a.equals("-c") || a.equals("--connect")) {
                    if (i + 1 >= words.size()) {
                        return null;
                    }
                    uri = words.get(++i);
                    uriGiven = true;
                } else if (a.startsWith("--connect=")) {
                    uri = a.substring("--connect=".length());
                    uriGiven = true;
                } else if (a.equals("-r") || a.equals("--readonly")) {
                    readOnly = true;
                } else if (a.equals("-H") || a.startsWith("--hosts") || a.startsWith("--parallel")
                        || a.startsWith("--timeout")) {
                    return null; // a set of hosts: each host connects in the run, none ahead
                } else if (a.equals("-k") || a.equals("-K") || a.startsWith("--keepalive") || a.equals("-h")
                        || a.equals("--help") || a.equals("-v") || a.equals("-V") || a.equals("--version")
                        || a.startsWith("-") && !a.startsWith("--") && a.length() > 2) {
                    return null;
                } else if (VALUE_OPTIONS.contains(a)) {
                    i++;
                }
            }
            return new Target(uri, uriGiven, readOnly, i);
        }
    }

    static HeadStart none() {
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

    private static boolean namesHosts(String[] args) {
        for (String a : args) {
            if (a.equals("-H") || a.startsWith("--hosts")) {
                return true;
            }
        }
        return false;
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
     * Offers the connection being opened to the session, which takes it if it is the one it wants and otherwise
     * closes it. Either way the command line has been accepted: credentials may now be asked for.
     */
    void handOver(Session session) {
        if (connection == null) {
            return;
        }
        accepted.countDown();
        session.offer(uri, readOnly, connection);
    }
}
