package org.lvsh;

/** The lvsh command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = new Lvsh(System.in, System.out, System.err).run(args);
        System.exit(status);
    }
}
