package org.lvsh.server;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lvsh.model.WarmStatus;

/** lvsh server status and stop: asks each of the user's warm servers over its socket. */
public final class WarmClient {
    private WarmClient() {
    }

    /** Whether the warm path is on for {@code env}, where it lives, and every server found there. */
    public static WarmStatus status(Map<String, String> env) {
        WarmPlace.Found place = WarmPlace.find(env);
        String off = WarmSettings.offBecause(env);
        List<WarmStatus.Server> servers = new ArrayList<>();
        for (Path socket : sockets(place.dir())) {
            Map<String, String> s = ask(socket, 'S');
            if (s != null) {
                servers.add(WarmStatus.Server.of(s));
            }
        }
        return new WarmStatus(off == null && place.dir() != null, off != null ? off : place.problem(),
                place.dir() == null ? null : place.dir().toString(), servers);
    }

    /** Stops every server of the user's; returns their process ids. */
    public static List<Long> stopAll(Map<String, String> env) {
        List<Long> stopped = new ArrayList<>();
        for (Path socket : sockets(WarmPlace.find(env).dir())) {
            Map<String, String> answer = ask(socket, 'Z');
            if (answer != null && answer.containsKey("pid")) {
                long pid = Long.parseLong(answer.get("pid"));
                awaitGone(socket);
                stopped.add(pid);
            }
        }
        return stopped;
    }

    /** The sockets in the directory; a dead server's (its lock free) is removed on the way. */
    private static List<Path> sockets(Path dir) {
        List<Path> found = new ArrayList<>();
        if (dir == null) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.sock")) {
            for (Path p : entries) {
                if (alive(p)) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            // nothing readable: no servers to show
        }
        found.sort(null);
        return found;
    }

    private static boolean alive(Path socket) {
        Path lock = socket.resolveSibling(socket.getFileName().toString().replaceFirst("\\.sock$", ".lock"));
        try (FileChannel ch = FileChannel.open(lock, Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS))) {
            try (FileLock l = ch.tryLock()) {
                if (l != null) {
                    Files.deleteIfExists(socket); // nobody holds it: the server that made the socket is dead
                    return false;
                }
            } catch (OverlappingFileLockException e) {
                return true;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One request (status or stop) and its answer as NAME=VALUE pairs; null when nobody answers. */
    private static Map<String, String> ask(Path socket, char type) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            Frames.write(ChannelStreams.out(ch), type, new byte[0], 0, 0);
            InputStream in = new BufferedInputStream(ChannelStreams.in(ch));
            Frames.Frame answer = Frames.read(in);
            if (answer == null || answer.type() != type) {
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            if (type == 'Z') {
                values.put("pid", answer.text().trim());
                return values;
            }
            for (String line : answer.text().split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return values;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void awaitGone(Path socket) {
        for (int i = 0; i < 100 && Files.exists(socket, LinkOption.NOFOLLOW_LINKS); i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
