package org.lvsh.fleet;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lvsh.cli.Failure;

/**
 * lvsh's hosts.yaml: names for hosts (a URI, or a URI with a timeout and read-only) and groups of them. Read
 * token by token so that every mistake is reported with the line it is on; nothing in it is ever executed.
 */
public final class HostsFile {
    private static final int MAX_BYTES = 4 << 20;

    private final Path path;
    private final Map<String, HostEntry> hosts;
    private final Map<String, List<String>> groups;

    private HostsFile(Path path, Map<String, HostEntry> hosts, Map<String, List<String>> groups) {
        this.path = path;
        this.hosts = hosts;
        this.groups = groups;
    }

    /** The file at {@code path}; none there means no names. A file that does not parse is a usage error. */
    public static HostsFile load(Path path) {
        String text;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw bad(path, 0, "larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new HostsFile(path, Map.of(), Map.of());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw Failure.usage("cannot read " + path + ": " + e.getMessage());
        }
        return parse(path, text);
    }

    static HostsFile parse(Path path, String text) {
        try (JsonParser p = new YAMLFactory().createParser(new java.io.StringReader(text))) {
            return new Reading(path, p).file();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw bad(path, at == null ? 0 : at.getLineNr(), firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw Failure.usage("cannot read " + path + ": " + e.getMessage());
        }
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static Failure bad(Path path, int line, String message) {
        return Failure.usage(path + (line > 0 ? ":" + line : "") + ": " + message);
    }

    public Path path() {
        return path;
    }

    public Map<String, HostEntry> hosts() {
        return hosts;
    }

    public Map<String, List<String>> groups() {
        return groups;
    }

    /** One pass over the tokens; fields in any order, unknown ones refused (a typo must not pass unseen). */
    private static final class Reading {
        private final Path path;
        private final JsonParser p;
        private final Map<String, HostEntry> hosts = new LinkedHashMap<>();
        private final Map<String, List<String>> groups = new LinkedHashMap<>();
        private final Map<String, Integer> memberLines = new LinkedHashMap<>();

        Reading(Path path, JsonParser p) {
            this.path = path;
            this.p = p;
        }

        HostsFile file() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new HostsFile(path, Map.of(), Map.of()); // an empty file names nothing
            }
            expect(t == JsonToken.START_OBJECT, "expected 'hosts:' and 'groups:' at the top");
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "hosts" -> hosts();
                    case "groups" -> groups();
                    default -> throw fail("unknown key '" + key + "' (expected hosts or groups)");
                }
            }
            for (Map.Entry<String, List<String>> g : groups.entrySet()) {
                for (String member : g.getValue()) {
                    if (!hosts.containsKey(member) && !HostDirectory.looksLikeUri(member)) {
                        throw bad(path, memberLines.get(g.getKey() + "\0" + member),
                                "group '" + g.getKey() + "' names '" + member + "', which is not a host of this file");
                    }
                }
            }
            return new HostsFile(path, hosts, groups);
        }

        private void hosts() throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return;
            }
            expect(p.currentToken() == JsonToken.START_OBJECT, "'hosts' must map names to URIs");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int line = line();
                checkName(name, "host");
                if (hosts.containsKey(name)) {
                    throw fail("host '" + name + "' is named twice");
                }
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING) {
                    hosts.put(name, new HostEntry(name, uri(p.getText()), null, false));
                } else {
                    expect(v == JsonToken.START_OBJECT, "host '" + name + "': expected a URI or {uri: ..., timeout: ..., readonly: ...}");
                    hosts.put(name, host(name, line));
                }
            }
        }

        private HostEntry host(String name, int line) throws IOException {
            String uri = null;
            Integer timeout = null;
            boolean readOnly = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                switch (key) {
                    case "uri" -> {
                        expect(v == JsonToken.VALUE_STRING, "host '" + name + "': uri must be a string");
                        uri = uri(p.getText());
                    }
                    case "timeout" -> {
                        expect(v == JsonToken.VALUE_NUMBER_INT && p.getLongValue() > 0 && p.getLongValue() <= 86400,
                                "host '" + name + "': timeout must be a whole number of seconds, 1 to 86400");
                        timeout = p.getIntValue();
                    }
                    case "readonly" -> {
                        expect(v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE,
                                "host '" + name + "': readonly must be true or false");
                        readOnly = v == JsonToken.VALUE_TRUE;
                    }
                    default -> throw fail("host '" + name + "': unknown key '" + key + "' (expected uri, timeout or readonly)");
                }
            }
            if (uri == null) {
                throw bad(path, line, "host '" + name + "' has no uri");
            }
            return new HostEntry(name, uri, timeout, readOnly);
        }

        private String uri(String text) {
            expect(!text.isBlank(), "an empty URI");
            return text.strip();
        }

        private void groups() throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return;
            }
            expect(p.currentToken() == JsonToken.START_OBJECT, "'groups' must map names to lists of hosts");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                checkName(name, "group");
                if (groups.containsKey(name)) {
                    throw fail("group '" + name + "' is named twice");
                }
                expect(p.nextToken() == JsonToken.START_ARRAY, "group '" + name + "': expected a list of hosts, [a, b]");
                List<String> members = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    expect(t == JsonToken.VALUE_STRING, "group '" + name + "': hosts are names");
                    String member = p.getText().strip();
                    memberLines.putIfAbsent(name + "\0" + member, line());
                    if (!members.contains(member)) {
                        members.add(member);
                    }
                }
                groups.put(name, List.copyOf(members));
            }
        }

        private void checkName(String name, String what) {
            if (!HostDirectory.validName(name)) {
                throw fail(what + " name '" + name + "' may not be empty, 'all', or hold ',', ':', '@', '/' or blanks");
            }
        }

        private int line() {
            return p.currentLocation().getLineNr();
        }

        private void expect(boolean ok, String message) {
            if (!ok) {
                throw fail(message);
            }
        }

        private Failure fail(String message) {
            return bad(path, line(), message);
        }
    }

}
