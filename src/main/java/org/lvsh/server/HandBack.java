package org.lvsh.server;

/** The run goes back to its caller's own process: nothing of it has run here yet. */
final class HandBack extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandBack(String why) {
        super(why, null, false, false);
    }
}
