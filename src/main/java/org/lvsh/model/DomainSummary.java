package org.lvsh.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * One row of list. id is null for an inactive domain; uuid, persistent and autostart are null when nobody asked
 * (virsh's table needs none of them; JSON always has them); title and managed_save appear only when asked for.
 */
public record DomainSummary(Integer id, String name, String uuid, DomainState state, Boolean persistent,
                            Boolean autostart,
                            @JsonInclude(Include.NON_NULL) Boolean managedSave,
                            @JsonInclude(Include.NON_NULL) String title) {
}
