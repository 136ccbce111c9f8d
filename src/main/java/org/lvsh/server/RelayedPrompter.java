package org.lvsh.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lvsh.libvirt.CredentialPrompter;

/**
 * Asks for credentials on the caller's terminal, through the caller: the run waits while the caller asks (with
 * echo off for secrets). The answer is never kept: the bytes are cleared once they are characters for libvirt.
 */
final class RelayedPrompter implements CredentialPrompter {
    private final CallerLink link;

    RelayedPrompter(CallerLink link) {
        this.link = link;
    }

    @Override
    public char[] ask(String prompt, boolean echo) throws NoTerminalException {
        byte[] answer;
        try {
            answer = link.answer(echo, prompt);
        } catch (IOException e) {
            throw new NoTerminalException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (answer == null || answer.length == 0) {
            return null; // the caller went away
        }
        try {
            switch (answer[0]) {
                case 'y':
                    CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(answer, 1, answer.length - 1));
                    char[] result = Arrays.copyOf(chars.array(), chars.limit());
                    Arrays.fill(chars.array(), '\0');
                    return result;
                case 'n':
                    throw new NoTerminalException();
                default:
                    return null; // Ctrl-D: the person gave up
            }
        } finally {
            Arrays.fill(answer, (byte) 0);
        }
    }
}
