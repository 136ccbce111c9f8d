package org.lvsh;

import org.lvsh.repl.Terminals;

/** The lvsh command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = new Lvsh(System.in, System.out, System.err,
                () -> Terminals.isTerminal(0) && Terminals.isTerminal(1)).run(args);
        System.exit(status);
    }
}
