package org.lvsh.repl;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lvsh.libvirt.CredentialPrompter;

/**
 * Asks for credentials on the controlling terminal (/dev/tty), like ssh and sudo: it works when stdin and
 * stdout are pipes, and fails at once, instead of waiting, when there is no terminal at all. Passwords are
 * read with echo off and never leave the char[] handed to libvirt.
 */
public final class TtyPrompter implements CredentialPrompter {
    private static final File TTY = new File("/dev/tty");

    @Override
    public char[] ask(String prompt, boolean echo) throws NoTerminalException {
        try (InputStream in = new FileInputStream(TTY); OutputStream out = new FileOutputStream(TTY)) {
            // A secret is never typed with echo on: echo goes off before the prompt shows (a quick typist must
            // not see it), and without stty there is no safe way to ask at all.
            Thread restore = new Thread(() -> stty("echo"), "restore-echo");
            if (!echo) {
                if (!stty("-echo")) {
                    throw new NoTerminalException();
                }
                Runtime.getRuntime().addShutdownHook(restore); // Ctrl-C at the prompt must not leave echo off
            }
            out.write((prompt + ": ").getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                return readLine(in);
            } finally {
                if (!echo) {
                    stty("echo");
                    removeHook(restore);
                    out.write('\n');
                    out.flush();
                }
            }
        } catch (IOException e) {
            throw new NoTerminalException();
        }
    }

    /** Reads up to a newline without a decoder buffer that would keep a copy of the secret. */
    private static char[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                bytes.write(b);
            }
        }
        if (b == -1 && bytes.size() == 0) {
            return null; // Ctrl-D: the user gave up
        }
        byte[] raw = bytes.toByteArray();
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(raw));
        Arrays.fill(raw, (byte) 0);
        char[] result = Arrays.copyOf(chars.array(), chars.limit());
        Arrays.fill(chars.array(), '\0');
        return result;
    }

    private static boolean stty(String setting) {
        try {
            Process p = new ProcessBuilder("stty", setting).redirectInput(TTY)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook restores echo itself
        }
    }
}
