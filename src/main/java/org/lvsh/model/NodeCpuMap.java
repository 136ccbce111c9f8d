package org.lvsh.model;

import java.util.List;

/** nodecpumap: CPUs present, how many are online, virsh's map (y online, - not), and the online CPUs' numbers. */
public record NodeCpuMap(int present, int online, String map, List<Integer> onlineCpus) {
}
