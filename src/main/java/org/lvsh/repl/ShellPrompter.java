package org.lvsh.repl;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.lvsh.libvirt.CredentialPrompter;

/**
 * Credentials in the shell: asked on the shell's terminal by a reader of their own, with no history (an answer
 * never lands in the history file). A secret is not echoed at all, as virsh (and ssh, sudo, lvsh's one-shot prompt)
 * does: a '*' per character would tell anyone watching the screen how long the password is.
 */
final class ShellPrompter implements CredentialPrompter {
    private final Terminal terminal;

    ShellPrompter(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public char[] ask(String prompt, boolean echo) {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                .variable(LineReader.DISABLE_HISTORY, true)
                .build();
        try {
            String answer = reader.readLine(prompt + ": ", echo ? null : LineReaderImpl.NULL_MASK);
            return answer.toCharArray();
        } catch (UserInterruptException e) {
            Thread.currentThread().interrupt(); // Ctrl-C: the connection reports it was interrupted, not refused
            return null;
        } catch (EndOfFileException e) {
            return null; // the user gave up: authentication is cancelled
        }
    }
}
