package org.lvsh.libvirt;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * libvirt's credentials files, found where libvirt looks for them ($LIBVIRT_AUTH_FILE, ?authfile= in the URI,
 * $XDG_CONFIG_HOME/libvirt/auth.conf, /etc/libvirt/auth.conf: the first that exists wins). A file with passwords
 * that others can read deserves a warning.
 */
public final class AuthFiles {
    private AuthFiles() {
    }

    /** The warning for the auth file libvirt would use with {@code uri}, or null when there is nothing to say. */
    public static String warning(String uri) {
        Path file = fileFor(uri);
        if (file == null) {
            return null;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                return "warning: auth file " + file + " is readable by other users; chmod 600 " + file;
            }
        } catch (IOException | UnsupportedOperationException e) {
            // unreadable to us: libvirt will say so if it matters
        }
        return null;
    }

    static Path fileFor(String uri) {
        String env = System.getenv("LIBVIRT_AUTH_FILE");
        if (env != null && !env.isEmpty()) {
            return existing(Paths.get(env));
        }
        String fromUri = queryAuthFile(uri);
        if (fromUri != null) {
            return existing(Paths.get(fromUri));
        }
        String config = System.getenv("XDG_CONFIG_HOME");
        Path user = config != null && !config.isEmpty() ? Paths.get(config, "libvirt", "auth.conf")
                : Paths.get(System.getProperty("user.home"), ".config", "libvirt", "auth.conf");
        Path found = existing(user);
        return found != null ? found : existing(Paths.get("/etc/libvirt/auth.conf"));
    }

    private static String queryAuthFile(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            String query = new URI(uri).getQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("authfile=")) {
                        return pair.substring("authfile=".length());
                    }
                }
            }
        } catch (URISyntaxException e) {
            // libvirt will refuse the URI itself, with its own words
        }
        return null;
    }

    private static Path existing(Path p) {
        return Files.isRegularFile(p) ? p : null;
    }
}
