package org.lvsh.model;

import java.util.List;
import java.util.Map;

/**
 * sysinfo: the host's SMBIOS data as libvirt reports it. Each section maps libvirt's entry names (already
 * snake_case: vendor, socket_destination, part_number) to their text; a section the host lacks is null, or
 * empty for those there can be several of.
 */
public record Sysinfo(String type, Map<String, String> bios, Map<String, String> system,
                      List<Map<String, String>> baseBoards, Map<String, String> chassis,
                      List<Map<String, String>> processors, List<Map<String, String>> memoryDevices,
                      List<String> oemStrings) {
}
