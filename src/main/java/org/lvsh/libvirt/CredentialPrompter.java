package org.lvsh.libvirt;

/** Asks the person at the terminal for one credential. Implementations never log or keep what is typed. */
public interface CredentialPrompter {

    /**
     * @param prompt what libvirt asks for, without the trailing ": "
     * @param echo false for passwords: the answer is not shown
     * @return the answer, or null when the person gave up (Ctrl-C, Ctrl-D)
     * @throws NoTerminalException when there is nobody to ask
     */
    char[] ask(String prompt, boolean echo) throws NoTerminalException;

    /** For callers that must never prompt (completion, scripts without a terminal). */
    CredentialPrompter NEVER = (prompt, echo) -> {
        throw new NoTerminalException();
    };

    final class NoTerminalException extends Exception {
        public NoTerminalException() {
            super("no terminal to ask for credentials on", null, false, false);
        }
    }
}
