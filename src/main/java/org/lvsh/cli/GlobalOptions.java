package org.lvsh.cli;

import java.util.ArrayList;
import java.util.List;
import org.lvsh.output.Format;
import picocli.CommandLine.Command;
import org.lvsh.complete.UriCandidates;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** lvsh's own command line: the global options, then an optional command with its arguments. */
@Command(name = "lvsh")
public final class GlobalOptions {
    private static volatile java.util.Set<String> valueOptions;

    /**
     * The names of the run-wide options that take a value (-c, --connect, -o...), read from the declarations
     * below, not listed again: for the code that must find the command in argv before picocli runs.
     */
    public static java.util.Set<String> valueOptionNames() {
        java.util.Set<String> names = valueOptions;
        if (names == null) {
            java.util.Set<String> found = new java.util.HashSet<>();
            for (java.lang.reflect.Field f : GlobalOptions.class.getDeclaredFields()) {
                Option o = f.getAnnotation(Option.class);
                if (o != null && f.getType() != boolean.class && f.getType() != Boolean.class) {
                    found.addAll(List.of(o.names()));
                }
            }
            valueOptions = names = java.util.Set.copyOf(found);
        }
        return names;
    }

    public static boolean takesValue(String word) {
        return valueOptionNames().contains(word);
    }
    @Option(names = {"-c", "--connect"}, paramLabel = "URI", completionCandidates = UriCandidates.class,
            description = "Hypervisor connection URI (default: $LVSH_DEFAULT_URI, $VIRSH_DEFAULT_CONNECT_URI, "
                    + "$LIBVIRT_DEFAULT_URI, "
                    + "then libvirt's own choice). Try test:///default for the built-in demo host.")
    String uri;

    @Option(names = {"-H", "--hosts"}, paramLabel = "LIST", completionCandidates = org.lvsh.complete.HostCandidates.class,
            description = "Run on a set of hosts at once: comma-separated names of hosts.yaml or libvirt's "
                    + "uri_aliases, @group, all, or URIs (default: $LVSH_HOSTS). Exclusive with -c.")
    String hosts;

    @Option(names = "--parallel", paramLabel = "N", description = "Hosts worked on at once with -H (default 16).")
    Integer parallel;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Deadline of each host with -H, connect and command (default: the host's timeout in "
                    + "hosts.yaml, else 30).")
    Integer hostTimeout;

    @Option(names = {"-r", "--readonly"}, description = "Connect read-only.")
    boolean readOnly;

    @Option(names = "--json", description = "JSON output (the same as -o json).")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "Output format: table (virsh's text), json, yaml, csv or name.",
            converter = FormatConverter.class, completionCandidates = FormatConverter.Names.class)
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "No banner, table headers or trailing blank lines.")
    boolean quiet;

    @Option(names = "--no-headers", description = "Tables without their header lines.")
    boolean noHeaders;

    @Option(names = {"-d", "--debug"}, paramLabel = "LEVEL",
            description = "lvsh's diagnostics at LEVEL (0 everything ... 4 errors only) on stderr; "
                    + "failures then show their Java stack trace.")
    Integer debug;

    @Option(names = {"-e", "--escape"}, paramLabel = "STRING",
            description = "Accepted for virsh's sake (its console escape sequence); checked as virsh does, unused.")
    String escape;

    @Option(names = {"-l", "--log"}, paramLabel = "FILE", description = "Append lvsh's diagnostics to FILE.")
    String log;

    @Option(names = {"-t", "--timing"}, description = "Print how long each command took.")
    boolean timing;

    @Option(names = {"-k", "--keepalive-interval"}, paramLabel = "SECONDS",
            description = "Keepalive interval in seconds, 0 to disable (default 5).")
    Integer keepaliveInterval;

    @Option(names = {"-K", "--keepalive-count"}, paramLabel = "COUNT",
            description = "Unanswered keepalive messages before the connection is closed (default 6).")
    Integer keepaliveCount;

    @Option(names = "-v", description = "Print lvsh's version and exit.")
    boolean shortVersion;

    @Option(names = {"-V", "--version"}, description = "Print lvsh's version, its libraries' and libvirt's, and exit.")
    boolean longVersion;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "A command and its arguments, or several as one argument: 'cmd1 ARGS; cmd2 ARGS'.")
    List<String> command = new ArrayList<>();

    public boolean uriGiven() {
        return uri != null;
    }

    public boolean helpRequested() {
        return help;
    }

    public boolean shortVersionRequested() {
        return shortVersion;
    }

    public boolean longVersionRequested() {
        return longVersion;
    }

    public List<String> command() {
        return command;
    }
}
