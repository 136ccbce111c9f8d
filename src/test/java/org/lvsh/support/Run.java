package org.lvsh.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lvsh.Lvsh;

/** Runs lvsh (in this JVM, or as the real launcher) and virsh, capturing what they print. */
public final class Run {
    private Run() {
    }

    /** What a run printed and how it ended. */
    public record Result(int status, String out, String err) {
        public List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n", -1));
        }
    }

    /** lvsh in this JVM reading {@code stdin}: script mode unless args hold a command. */
    public static Result script(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Lvsh(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> false).run(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** lvsh in this JVM with its own environment for the host names it reads (XDG_CONFIG_HOME, HOME). */
    public static Result withEnv(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Lvsh(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> false, org.lvsh.libvirt.CredentialPrompter.NEVER, env).run(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * dominfo's "CPU time" line with its figure replaced: the test driver derives a running domain's CPU time
     * from the wall clock, so two calls a moment apart differ in it. The line's layout still counts.
     */
    public static String clockless(String out) {
        return out.replaceAll("(?m)^CPU time: +\\d+\\.\\ds$", "CPU time: N");
    }

    /** lvsh one-shot in this JVM. */
    public static Result lvsh(String... args) {
        return script("", args);
    }

    /** virsh, the reference, in a UTF-8 locale. */
    public static Result virsh(String... args) {
        List<String> command = new ArrayList<>();
        command.add("virsh");
        command.addAll(List.of(args));
        return process(command, "", Map.of());
    }

    /** The installed-style launcher (bin/lvsh), as a user runs it. */
    public static Result launcher(String stdin, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Project.launcher().toString());
        command.addAll(List.of(args));
        return process(command, stdin, env);
    }

    /** The environment processes run in: a UTF-8 locale, no default URI, a process of its own, then {@code env}. */
    public static void environment(Map<String, String> target, Map<String, String> env) {
        target.put("LC_ALL", "C.UTF-8");
        target.remove("LIBVIRT_DEFAULT_URI");
        target.remove("LVSH_DEFAULT_URI");
        // A process of its own unless a test asks for the warm path (the warm path's tests compare the two)
        target.put("LVSH_SERVER", "0");
        target.putAll(env);
    }

    public static Result process(List<String> command, String stdin, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            environment(pb.environment(), env);
            Process p = pb.start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException e) {
                    // process gone
                }
            });
            errReader.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            errReader.join();
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
