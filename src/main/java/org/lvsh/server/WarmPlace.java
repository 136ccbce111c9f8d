package org.lvsh.server;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the warm path lives for this user: a directory nobody else can enter, so that nobody else can place, read
 * or replace what is in it. The first private runtime directory ($XDG_RUNTIME_DIR, else /run/user/UID) gets an
 * {@code lvsh} directory; only without one does lvsh fall back to {@code lvsh-UID} in $TMPDIR or /tmp, and there
 * only under a parent that others cannot rename things in. Every check reads the entry itself, never through a
 * symbolic link. bin/lvsh makes the same choice with the same checks.
 */
public final class WarmPlace {
    private WarmPlace() {
    }

    /** The directory, created if needed, or why there is none that is safe. */
    public record Found(Path dir, String problem) {
    }

    /** This process's user id. */
    public static int uid() {
        try {
            return (Integer) Files.getAttribute(Paths.get("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot tell this process's user id", e);
        }
    }

    public static Found find(Map<String, String> env) {
        int uid = uid();
        List<Path> runtime = new ArrayList<>();
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg != null && xdg.startsWith("/")) {
            runtime.add(Paths.get(xdg));
        }
        runtime.add(Paths.get("/run/user/" + uid));
        for (Path base : runtime) {
            if (problem(base, uid) == null) {
                return make(base.resolve("lvsh"), uid);
            }
        }
        String tmp = env.get("TMPDIR");
        Path parent = Paths.get(tmp != null && tmp.startsWith("/") ? tmp : "/tmp");
        String shared = sharedParentProblem(parent, uid);
        if (shared != null) {
            return new Found(null, shared);
        }
        return make(parent.resolve("lvsh-" + uid), uid);
    }

    private static Found make(Path dir, int uid) {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwx------")));
        } catch (FileAlreadyExistsException e) {
            // checked below, whoever made it
        } catch (IOException e) {
            return new Found(null, "cannot create " + dir + ": " + e.getMessage());
        }
        String problem = problem(dir, uid);
        return problem == null ? new Found(dir, null) : new Found(null, problem);
    }

    /** Why {@code dir} is not a private directory of user {@code uid}, or null when it is. */
    static String problem(Path dir, int uid) {
        try {
            Map<String, Object> a = Files.readAttributes(dir, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            int owner = (Integer) a.get("uid");
            if ((mode & 0170000) != 0040000) {
                return dir + " is not a directory";
            }
            if (owner != uid) {
                return dir + " belongs to user " + owner;
            }
            if ((mode & 077) != 0) {
                return dir + " is open to other users (mode " + Integer.toOctalString(mode & 07777) + ")";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return dir + ": " + e.getMessage();
        }
    }

    /** A shared temporary directory is usable when others cannot rename what is in it (sticky, as /tmp). */
    private static String sharedParentProblem(Path parent, int uid) {
        try {
            Map<String, Object> a = Files.readAttributes(parent, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            int owner = (Integer) a.get("uid");
            boolean othersWrite = (mode & 022) != 0;
            boolean sticky = (mode & 01000) != 0;
            if ((mode & 0170000) != 0040000 || othersWrite && !sticky || owner != uid && owner != 0) {
                return parent + " is not a safe place for lvsh's private directory";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return parent + ": " + e.getMessage();
        }
    }
}
