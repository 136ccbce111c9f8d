package org.lvsh;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.lvsh.cli.CommandGate;
import org.lvsh.libvirt.CredentialPrompter;
import org.lvsh.repl.TtyPrompter;

/**
 * Whom a run works for, beyond its streams: the environment and working directory its names and paths are read
 * against, whether a person is at a terminal, who asks for credentials, and what must be settled before a command
 * runs. A process's own run has its own; a run on the warm path has its caller's, which are not the server's.
 *
 * @param terminal  whether stdin and stdout are a terminal (no command then means the interactive shell)
 * @param headStart whether to open the connection on a second core while the command line is read (a process
 *                  of its own gains from it; a warm server has libvirt loaded already)
 */
public record Caller(Map<String, String> env, Path cwd, BooleanSupplier terminal, CredentialPrompter prompter,
                     CommandGate gate, boolean headStart) {

    /** This process's own caller: its environment and directory, credentials asked on its terminal. */
    public static Caller ofProcess(BooleanSupplier terminal) {
        return new Caller(System.getenv(), Paths.get("").toAbsolutePath(), terminal, new TtyPrompter(),
                CommandGate.OPEN, true);
    }

    public Caller withPrompter(CredentialPrompter p) {
        return new Caller(env, cwd, terminal, p, gate, headStart);
    }

    public Caller withEnv(Map<String, String> e) {
        return new Caller(e, cwd, terminal, prompter, gate, headStart);
    }
}
