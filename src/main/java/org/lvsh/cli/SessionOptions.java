package org.lvsh.cli;

import org.lvsh.complete.UriCandidates;
import picocli.CommandLine.Option;

/**
 * The global options that concern the whole run, also accepted after a command in one-shot mode
 * ({@code lvsh nodeinfo -c test:///default}). In the shell they are refused: use {@code connect}.
 */
public final class SessionOptions {
    @Option(names = {"-c", "--connect"}, paramLabel = "URI", completionCandidates = UriCandidates.class, description = "Hypervisor connection URI.")
    String uri;

    @Option(names = {"-r", "--readonly"}, description = "Connect read-only.")
    boolean readOnly;

    @Option(names = {"-t", "--timing"}, description = "Print how long the command took.")
    boolean timing;

    @Option(names = {"-d", "--debug"}, paramLabel = "LEVEL", description = "lvsh's diagnostics (0-4).")
    Integer debug;

    @Option(names = {"-l", "--log"}, paramLabel = "FILE", description = "Append lvsh's diagnostics to FILE.")
    String log;

    @Option(names = {"-k", "--keepalive-interval"}, paramLabel = "SECONDS", description = "Keepalive interval.")
    Integer keepaliveInterval;

    @Option(names = {"-K", "--keepalive-count"}, paramLabel = "COUNT", description = "Keepalive count.")
    Integer keepaliveCount;

    boolean any() {
        return uri != null || readOnly || timing || debug != null || log != null || keepaliveInterval != null
                || keepaliveCount != null;
    }
}
