package org.lvsh.cli;

import org.lvsh.libvirt.Keepalive;
import org.lvsh.output.Format;

/** What the global options and the environment decided for this run. */
public record Settings(String uri, boolean readOnly, Format format, boolean quiet, boolean noHeaders,
                       boolean timing, Integer debug, String log, Keepalive keepalive, String hosts,
                       Integer parallel, Integer hostTimeout) {

    /** The URI to use: -c, then $LVSH_DEFAULT_URI, then $LIBVIRT_DEFAULT_URI, then libvirt's default (null). */
    public static String defaultUri(String explicit) {
        if (explicit != null) {
            return explicit;
        }
        for (String name : new String[] {"LVSH_DEFAULT_URI", "LIBVIRT_DEFAULT_URI"}) {
            String value = System.getenv(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    public static Settings from(GlobalOptions o) {
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
            String env = System.getenv("LVSH_HOSTS");
            hosts = env == null || env.isBlank() ? null : env;
        }
        return new Settings(defaultUri(o.uri), o.readOnly, o.json ? Format.JSON : o.format, o.quiet, o.noHeaders,
                o.timing, checkDebug(o.debug), o.log, keepalive(o.keepaliveInterval, o.keepaliveCount), hosts,
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
    Settings with(SessionOptions s) {
        Keepalive k = s.keepaliveInterval != null || s.keepaliveCount != null
                ? keepalive(s.keepaliveInterval != null ? s.keepaliveInterval
                        : keepalive.forced() ? keepalive.interval() : null,
                        s.keepaliveCount != null ? s.keepaliveCount
                                : keepalive.forced() ? keepalive.count() : null)
                : keepalive;
        return new Settings(s.uri != null ? s.uri : uri, readOnly || s.readOnly, format, quiet, noHeaders,
                timing || s.timing, s.debug != null ? checkDebug(s.debug) : debug, s.log != null ? s.log : log, k,
                hosts, parallel, hostTimeout);
    }

    private static Integer checkDebug(Integer level) {
        if (level != null && (level < 0 || level > 4)) {
            throw Failure.usage("debug level " + level + " is out of range [0-4]");
        }
        return level;
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
