package org.lvsh.server;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The part of the environment that a process reads once for all it does (libvirt's getenv, the locale, the JVM),
 * as opposed to what lvsh reads per run from its caller's environment. A server serves only callers whose values
 * are its own: bin/lvsh picks the server's socket by a hash of these (and the umask), and the server compares
 * them before it accepts. The two lists are bin/lvsh's too (a test holds them equal).
 */
final class WarmKey {
    static final List<String> NAMES = List.of("PATH", "HOME", "USER", "LOGNAME", "TMPDIR", "TZ", "LANG", "LANGUAGE",
            "DISPLAY", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "XDG_DATA_HOME", "JAVA", "JAVA_HOME",
            "LVSH_JAVA_OPTS", "LVSH_CACHE_DIR", "SSH_AUTH_SOCK", "SSH_ASKPASS", "KRB5CCNAME", "KRB5_CONFIG");
    static final List<String> PREFIXES = List.of("LIBVIRT_", "LC_", "SASL_");

    private WarmKey() {
    }

    static boolean keyed(String name) {
        return NAMES.contains(name) || PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** The first keyed variable whose value differs between the two environments, or null. */
    static String difference(Map<String, String> caller, Map<String, String> own) {
        TreeSet<String> names = new TreeSet<>();
        caller.keySet().stream().filter(WarmKey::keyed).forEach(names::add);
        own.keySet().stream().filter(WarmKey::keyed).forEach(names::add);
        for (String name : names) {
            if (!java.util.Objects.equals(caller.get(name), own.get(name))) {
                return name;
            }
        }
        return null;
    }
}
