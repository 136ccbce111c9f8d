package org.lvsh.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lvsh.cli.Failure;

/**
 * Every name lvsh knows for a host: hosts.yaml's hosts and groups, then libvirt's uri_aliases. Turns a -H list
 * (names, @group, all, URIs) into the hosts of a run, in the order given, each once.
 */
public final class HostDirectory {
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:/.*");

    private final HostsFile file;
    private final Path aliasFile;
    private final Map<String, String> aliases;

    public HostDirectory(HostsFile file, Path aliasFile, Map<String, String> aliases) {
        this.file = file;
        this.aliasFile = aliasFile;
        this.aliases = aliases;
    }

    /** The files of this user, found as the environment says (XDG_CONFIG_HOME, HOME). */
    public static HostDirectory load(Map<String, String> env) {
        return new HostDirectory(HostsFile.load(hostsFile(env)), aliasFile(env), UriAliases.read(aliasFile(env)));
    }

    public static Path hostsFile(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        String base = xdg != null && !xdg.isEmpty() ? xdg : env.getOrDefault("HOME", "") + "/.config";
        return Path.of(base, "lvsh", "hosts.yaml");
    }

    private static Path aliasFile(Map<String, String> env) {
        return UriAliases.location(effectiveUid() == 0, env.get("XDG_CONFIG_HOME"), env.get("HOME"));
    }

    /** libvirt reads the system's libvirt.conf for root: the owner of /proc/self is the effective user. */
    private static int effectiveUid() {
        try {
            return (Integer) java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    public static boolean looksLikeUri(String text) {
        return URI.matcher(text).matches();
    }

    /** A name that a -H list can hold unambiguously. */
    static boolean validName(String name) {
        if (name.isEmpty() || name.equals("all")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ',' || c == ':' || c == '@' || c == '/' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** The hosts a -H list names. An unknown name, an unknown group or an empty list is a usage error. */
    public List<HostEntry> resolve(String list) {
        Map<String, HostEntry> chosen = new LinkedHashMap<>();
        for (String raw : list.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                throw Failure.usage("empty host name in the host list '" + list + "'");
            }
            for (HostEntry h : expand(item)) {
                chosen.putIfAbsent(h.name(), h);
            }
        }
        return List.copyOf(chosen.values());
    }

    private List<HostEntry> expand(String item) {
        if (item.equals("all")) {
            if (file.hosts().isEmpty()) {
                throw Failure.usage("'all' names the hosts of " + file.path() + ", and it names none");
            }
            return List.copyOf(file.hosts().values());
        }
        if (item.startsWith("@")) {
            List<String> members = file.groups().get(item.substring(1));
            if (members == null) {
                throw Failure.usage("unknown host group '" + item + "' (groups are defined in " + file.path() + ")");
            }
            List<HostEntry> hosts = new ArrayList<>();
            members.forEach(m -> hosts.add(host(m)));
            return hosts;
        }
        return List.of(host(item));
    }

    private HostEntry host(String name) {
        HostEntry h = file.hosts().get(name);
        if (h != null) {
            return h;
        }
        String alias = aliases.get(name);
        if (alias != null) {
            return new HostEntry(name, alias, null, false);
        }
        if (looksLikeUri(name)) {
            return HostEntry.ofUri(name);
        }
        throw Failure.usage("unknown host '" + name + "': not a host of " + file.path()
                + ", nor one of libvirt's uri_aliases (" + aliasFile + "), nor a URI");
    }

    /** Every named host: hosts.yaml's, then the aliases it does not shadow. */
    public List<HostEntry> known() {
        Map<String, HostEntry> all = new LinkedHashMap<>(file.hosts());
        aliases.forEach((name, uri) -> all.putIfAbsent(name, new HostEntry(name, uri, null, false)));
        return List.copyOf(all.values());
    }

    public Map<String, List<String>> groups() {
        return file.groups();
    }
}
