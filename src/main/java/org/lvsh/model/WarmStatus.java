package org.lvsh.model;

import java.util.List;
import java.util.Map;

/**
 * lvsh server status: whether the warm path is on (and why not), where it lives, and each server there.
 *
 * @param problem why it is off or cannot be used, or null
 */
public record WarmStatus(boolean enabled, String problem, String directory, List<Server> servers) {
    /** One warm server, as it describes itself. */
    public record Server(long pid, String socket, String started, long served, long running, long idleSeconds,
                         long heapUsedKib, long heapMaxKib) {
        public static Server of(Map<String, String> v) {
            return new Server(num(v, "pid"), v.get("socket"), v.get("started"), num(v, "served"), num(v, "running"),
                    num(v, "idle_seconds"), num(v, "heap_used_kib"), num(v, "heap_max_kib"));
        }

        private static long num(Map<String, String> v, String key) {
            try {
                return Long.parseLong(v.getOrDefault(key, "0"));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
