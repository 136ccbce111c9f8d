package org.lvsh.cli;

import org.lvsh.libvirt.Keepalive;
import org.lvsh.output.Format;

/** What the global options and the environment decided for this run. */
public record Settings(String uri, boolean readOnly, Format format, boolean quiet, boolean noHeaders,
                       boolean timing, Integer debug, String log, Keepalive keepalive, String hosts,
                       Integer parallel, Integer hostTimeout) {

    /** The variables naming the URI when -c is not given, first one set wins (virsh reads its own before libvirt's). */
    public static final java.util.List<String> URI_VARIABLES =
            java.util.List.of("LVSH_DEFAULT_URI", "VIRSH_DEFAULT_CONNECT_URI", "LIBVIRT_DEFAULT_URI");

    /** The URI to use: -c, then the first of {@link #URI_VARIABLES} set, then libvirt's default (null). */
    public static String defaultUri(String explicit) {
        return defaultUri(explicit, System.getenv());
    }

    public static String defaultUri(String explicit, java.util.Map<String, String> env) {
        if (explicit != null) {
            return explicit;
        }
        for (String name : URI_VARIABLES) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    public static Settings from(GlobalOptions o) {
        return from(o, System.getenv(), warning -> { });
    }

    /** @param warn where virsh's warnings about ignored values go (a debug level out of range) */
    public static Settings from(GlobalOptions o, java.util.Map<String, String> env,
                                java.util.function.Consumer<String> warn) {
        checkEscape(o.escape);
        if (o.json && o.format != null && o.format != Format.JSON) {
            throw Failure.usage("--json and -o " + o.format.name().toLowerCase(java.util.Locale.ROOT)
                    + " ask for different formats");
        }
        if (o.hosts != null && o.uri != null) {
            throw Failure.usage("-H and -c are exclusive: give the hosts of a set, or one connection");
        }
        if (o.parallel != null && o.parallel < 1) {
            throw Failure.usage("option --parallel requires a positive integer argument");
        }
        if (o.hostTimeout != null && (o.hostTimeout < 1 || o.hostTimeout > 86400)) {
            throw Failure.usage("option --timeout requires a number of seconds, 1 to 86400");
        }
        String hosts = o.hosts;
        if (hosts == null && o.uri == null) {
            String fromEnv = env.get("LVSH_HOSTS");
            hosts = fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
        }
        return new Settings(defaultUri(o.uri, env), o.readOnly, o.json ? Format.JSON : o.format, o.quiet,
                o.noHeaders, o.timing, checkDebug(o.debug, warn), o.log,
                keepalive(o.keepaliveInterval, o.keepaliveCount), hosts,
                o.parallel, o.hostTimeout);
    }

    /** One host's settings within a run over several: its URI, read-only if the run or the host says so. */
    public Settings forHost(String hostUri, boolean hostReadOnly) {
        return new Settings(hostUri, readOnly || hostReadOnly, format, quiet, noHeaders, timing, debug, log,
                keepalive, null, parallel, hostTimeout);
    }

    /** The same settings on another set of hosts (connect -H), or on one connection (hosts null). */
    public Settings withHosts(String newHosts, String newUri, boolean newReadOnly) {
        return new Settings(newUri, newReadOnly, format, quiet, noHeaders, timing, debug, log, keepalive, newHosts,
                parallel, hostTimeout);
    }

    /** The same settings amended by options given after the command (one-shot mode only). */
    Settings with(SessionOptions s, java.util.function.Consumer<String> warn) {
        Keepalive k = s.keepaliveInterval != null || s.keepaliveCount != null
                ? keepalive(s.keepaliveInterval != null ? s.keepaliveInterval
                        : keepalive.forced() ? keepalive.interval() : null,
                        s.keepaliveCount != null ? s.keepaliveCount
                                : keepalive.forced() ? keepalive.count() : null)
                : keepalive;
        return new Settings(s.uri != null ? s.uri : uri, readOnly || s.readOnly, format, quiet, noHeaders,
                timing || s.timing, s.debug != null ? checkDebug(s.debug, warn) : debug, s.log != null ? s.log : log, k,
                hosts, parallel, hostTimeout);
    }

    /** virsh warns about a level out of range and keeps its default. */
    private static Integer checkDebug(Integer level, java.util.function.Consumer<String> warn) {
        if (level != null && (level < 0 || level > 4)) {
            warn.accept("error: ignoring debug level " + level + " out of range [0-4]");
            return null;
        }
        return level;
    }

    /**
     * -e: virsh's console escape; lvsh has no console command, so the value is only checked as virsh checks it:
     * one character other than '^', or '^' and a letter or one of {@code @[\]^_}.
     */
    private static void checkEscape(String escape) {
        if (escape == null) {
            return;
        }
        byte[] b = escape.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean ok = b.length == 1 && b[0] != '^'
                || b.length == 2 && b[0] == '^' && (b[1] >= 'a' && b[1] <= 'z' || b[1] >= '@' && b[1] <= '_');
        if (!ok) {
            throw Failure.usage("Invalid string '" + escape + "' for escape sequence");
        }
    }

    /** virsh: defaults 5 s / 6; any explicit value makes keepalive mandatory; negative values are refused. */
    private static Keepalive keepalive(Integer interval, Integer count) {
        if (interval != null && interval < 0) {
            throw Failure.usage("option --keepalive-interval requires a positive integer argument");
        }
        if (count != null && count < 0) {
            throw Failure.usage("option --keepalive-count requires a positive integer argument");
        }
        if (interval == null && count == null) {
            return Keepalive.VIRSH_DEFAULT;
        }
        return new Keepalive(interval != null ? interval : Keepalive.VIRSH_DEFAULT.interval(),
                count != null ? count : Keepalive.VIRSH_DEFAULT.count(), true);
    }
}
