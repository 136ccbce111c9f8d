package org.lvsh.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lvsh.fleet.UriAliases;

/**
 * What only the caller's own process can do as a run of its own would: open a transport that asks on the
 * caller's terminal outside libvirt (ssh, an external command), or follow a relative path that libvirt resolves
 * against the process's working directory. A URI is read as libvirt reads it: an alias of libvirt.conf first,
 * libvirt.conf's uri_default for none.
 */
final class OwnProcess {
    /** Transports that run a program which may prompt on /dev/tty (libssh and libssh2 ask through libvirt). */
    private static final Set<String> PROMPTING_TRANSPORTS = Set.of("ssh", "ext");
    /** URI parameters naming files, which libvirt opens relative to the process's directory. */
    private static final Set<String> PATH_PARAMETERS = Set.of("authfile", "socket", "pkipath", "keyfile",
            "known_hosts");

    private OwnProcess() {
    }

    /** Why {@code uri} (null: libvirt's default) needs the caller's own process, or null when it does not. */
    static String forUri(String uri, Map<String, String> env, int uid) {
        Path conf = UriAliases.location(uid == 0, env.get("XDG_CONFIG_HOME"), env.get("HOME"));
        String target = uri;
        if (target == null) {
            target = UriAliases.defaultUri(conf);
            if (target == null) {
                return null; // libvirt probes its local drivers
            }
        } else if (target.indexOf(':') < 0) {
            target = UriAliases.read(conf).getOrDefault(target, target);
        }
        URI parsed;
        try {
            parsed = new URI(target);
        } catch (URISyntaxException e) {
            return null; // libvirt refuses it, with its own words, wherever it runs
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme();
        int plus = scheme.indexOf('+');
        if (plus >= 0 && PROMPTING_TRANSPORTS.contains(scheme.substring(plus + 1))) {
            return "the " + scheme.substring(plus + 1) + " transport may ask on the caller's terminal";
        }
        String query = parsed.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && PATH_PARAMETERS.contains(pair.substring(0, eq)) && !pair.startsWith("/", eq + 1)) {
                    return pair.substring(0, eq) + " names a path relative to the caller's directory";
                }
            }
        }
        return null;
    }

    /** Why the caller's environment asks for a process of its own, or null (checked before anything runs). */
    static String forEnvironment(Map<String, String> env) {
        String auth = env.get("LIBVIRT_AUTH_FILE");
        if (auth != null && !auth.isEmpty() && !auth.startsWith("/")) {
            return "LIBVIRT_AUTH_FILE is relative to the caller's directory";
        }
        return null;
    }

    /** The first reason any of {@code uris} needs the caller's own process, or null. */
    static String forUris(List<String> uris, Map<String, String> env, int uid) {
        for (String uri : uris) {
            String why = forUri(uri, env, uid);
            if (why != null) {
                return why;
            }
        }
        return null;
    }
}
