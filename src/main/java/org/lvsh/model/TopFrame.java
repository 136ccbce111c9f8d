package org.lvsh.model;

import java.time.Instant;
import java.util.List;

/**
 * One of top's samples across the hosts: a summary per host and a row per domain.
 *
 * @param sample  its number, from 1
 * @param hosted  whether rows name their host (a set of hosts, -H)
 */
public record TopFrame(int sample, Instant time, double delayS, boolean hosted, List<TopHost> hosts,
                       List<Row> rows) {
    /** A domain's record and its host (null for the run's one connection). */
    public record Row(String host, TopRecord record) {
    }
}
