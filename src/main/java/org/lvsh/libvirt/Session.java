package org.lvsh.libvirt;

/**
 * The connection a run of lvsh works with. Opened on first use, so commands that need no hypervisor (help,
 * version of lvsh itself) never pay for it; replaced by {@link #reconnect} only once the new one is open.
 */
public final class Session implements AutoCloseable {
    private CredentialPrompter prompter;
    private java.util.function.Consumer<String> warnings = w -> { };
    private Keepalive keepalive;
    private String uri;
    private boolean readOnly;
    private Connection current;
    private ConnectionFailure failedOpen;
    private java.util.concurrent.CompletableFuture<Connection> pending;
    private Offer offered;
    private volatile boolean opened;
    private boolean watchLoss;

    /** @param uri null: libvirt's default (LIBVIRT_DEFAULT_URI, then its built-in choice) */
    public Session(String uri, boolean readOnly, Keepalive keepalive, CredentialPrompter prompter) {
        this.uri = uri;
        this.readOnly = readOnly;
        this.keepalive = keepalive;
        this.prompter = prompter;
    }

    /** Where warnings about the connection go (a credentials file others can read). */
    public synchronized void useWarnings(java.util.function.Consumer<String> sink) {
        warnings = sink;
    }

    /** Who asks for credentials from now on (the shell brings its own terminal). */
    public synchronized void usePrompter(CredentialPrompter p) {
        prompter = p;
    }

    /**
     * Its connections are watched for loss (see {@link Connection#watchForLoss}): those of the shell and of a
     * script, which live on from command to command (the shell's prompt says when one was lost).
     */
    public synchronized void watchForLoss() {
        watchLoss = true;
        if (current != null) {
            current.watchForLoss();
        }
    }

    /** Changes what will be opened; only before anything was. */
    public synchronized void retarget(String newUri, boolean newReadOnly, Keepalive newKeepalive) {
        if (current != null) {
            throw new IllegalStateException("already connected");
        }
        uri = newUri;
        readOnly = newReadOnly;
        keepalive = newKeepalive;
        failedOpen = null;
    }

    /**
     * Offers a connection already being opened to {@code target} (one-shot mode opens it while the command line
     * is parsed). The session takes it when it first needs a connection, if that is still the one it would open
     * (completion may retarget it meanwhile); otherwise the offered one is closed once open.
     */
    public synchronized void offer(String target, boolean targetReadOnly,
                                   java.util.concurrent.CompletableFuture<Connection> opening) {
        Offer o = new Offer(target, targetReadOnly, opening);
        if (current != null || pending != null || offered != null) {
            o.discard();
            return;
        }
        offered = o;
    }

    private record Offer(String uri, boolean readOnly, java.util.concurrent.CompletableFuture<Connection> opening) {
        /** Closes the offered connection whenever it is open. */
        void discard() {
            opening.thenAccept(Connection::close);
        }
    }

    /**
     * Starts opening the connection on a thread of its own ({@link ConnectionThreads}), unless it is open, being opened or failed already:
     * one host of a run over several connects while its command is being built and parsed, as a one-shot run's
     * head start does. The first use waits for it; a failure is reported then, as if opened at that moment.
     */
    public synchronized void openAhead(String threadName) {
        if (current != null || pending != null || offered != null || failedOpen != null) {
            return;
        }
        java.util.concurrent.CompletableFuture<Connection> opening = new java.util.concurrent.CompletableFuture<>();
        // what open() would read under this lock, read now: the first use holds the lock while it waits
        String target = uri;
        boolean ro = readOnly;
        CredentialPrompter p = prompter != null ? prompter : CredentialPrompter.NEVER;
        java.util.function.Consumer<String> warn = warnings;
        Keepalive k = keepalive;
        pending = opening;
        ConnectionThreads.run(threadName, () -> {
            try {
                warnAboutAuthFile(target, warn);
                opening.complete(openConnection(target, ro, p, k));
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        });
    }

    /**
     * Waits at most {@code nanos} for the connection {@link #openAhead} is opening and makes it current.
     *
     * @return whether the session has an open connection now (false: still opening, or it failed)
     */
    public boolean awaitOpen(long nanos) {
        java.util.concurrent.CompletableFuture<Connection> opening;
        synchronized (this) {
            if (current != null) {
                return true;
            }
            opening = pending;
        }
        if (opening == null) {
            return false;
        }
        try {
            opening.get(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            connection();
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException
                 | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Turns an offered connection into the pending one if it is what this session opens, else drops it. */
    private void takeOffer() {
        Offer o = offered;
        offered = null;
        if (o == null) {
            return;
        }
        if (current == null && java.util.Objects.equals(uri, o.uri()) && readOnly == o.readOnly()
                && !keepalive.forced()) {
            warnAboutAuthFile(uri, warnings);
            pending = o.opening();
        } else {
            o.discard();
        }
    }

    /** A credentials file other users can read draws a warning before it is used. */
    private static void warnAboutAuthFile(String target, java.util.function.Consumer<String> warn) {
        String warning = AuthFiles.warning(target);
        if (warning != null) {
            warn.accept(warning);
        }
    }

    /** The open connection, opening it on first use. */
    public synchronized Connection connection() {
        takeOffer();
        if (current == null && pending != null) {
            java.util.concurrent.CompletableFuture<Connection> p = pending;
            pending = null;
            try {
                current = p.join();
                opened = true;
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof ConnectionFailure f) {
                    failedOpen = f;
                    throw f;
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        if (current == null) {
            if (failedOpen != null) {
                throw failedOpen;
            }
            try {
                current = open(uri, readOnly);
                opened = true;
            } catch (ConnectionFailure e) {
                if (e.kind() != ConnectionFailure.Kind.INTERRUPTED) {
                    failedOpen = e; // one attempt per session: later commands report the same failure at once
                }
                throw e;
            }
        }
        if (watchLoss) {
            current.watchForLoss();
        }
        String lost = current.lostReason();
        if (lost != null) {
            throw new ConnectionLost(current.uri(), lost);
        }
        return current;
    }

    /**
     * Opens {@code newUri} and makes it current; on failure the old connection stays as it was. {@code wanted}
     * is asked once the new connection is open: false (the user gave up waiting) discards it.
     */
    public Connection reconnect(String newUri, boolean newReadOnly, java.util.function.BooleanSupplier wanted) {
        Connection next = open(newUri, newReadOnly);
        if (!wanted.getAsBoolean()) {
            next.close();
            return null;
        }
        Connection old;
        synchronized (this) {
            old = current;
            current = next;
            uri = newUri;
            readOnly = newReadOnly;
            failedOpen = null;
            if (watchLoss) {
                next.watchForLoss();
            }
        }
        if (old != null) {
            old.close();
        }
        return next;
    }

    private Connection open(String target, boolean ro) {
        CredentialPrompter p;
        java.util.function.Consumer<String> warn;
        synchronized (this) {
            p = prompter != null ? prompter : CredentialPrompter.NEVER;
            warn = warnings;
        }
        warnAboutAuthFile(target, warn);
        return openConnection(target, ro, p, keepalive);
    }

    /** Opens a connection as sessions do (the event loop first where the driver needs it). */
    public static Connection openConnection(String target, boolean ro, CredentialPrompter p, Keepalive keepalive) {
        if (target == null || !target.startsWith("test:") || keepalive.forced()) {
            EventLoop.start(); // keepalive and close callbacks need it; the in-process test driver does not
        }
        return Connection.open(target, ro, p, keepalive);
    }

    /** The URI asked for (null: libvirt's default). */
    public synchronized String requestedUri() {
        return uri;
    }

    public synchronized boolean readOnly() {
        return readOnly;
    }

    /** The open connection, if any, without opening one. */
    /** Whether a connection ever opened; never waits (a host stuck opening holds the session's lock). */
    public boolean opened() {
        return opened;
    }

    public synchronized Connection peek() {
        return current;
    }

    @Override
    public synchronized void close() {
        if (offered != null) {
            offered.discard(); // never used
            offered = null;
        }
        if (pending != null) {
            pending.thenAccept(Connection::close); // still opening: close it whenever it is done
            pending = null;
        }
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** The daemon went away under an open connection. */
    public static final class ConnectionLost extends RuntimeException {
        private final String uri;

        ConnectionLost(String uri, String reason) {
            super(reason);
            this.uri = uri;
        }

        public String uri() {
            return uri;
        }
    }
}
