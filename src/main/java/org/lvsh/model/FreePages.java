package org.lvsh.model;

import java.util.List;

/** freepages: per cell, the free count of each page size. */
public record FreePages(List<Cell> cells) {
    public record Cell(int cell, List<Pages> pages) {
    }

    public record Pages(long sizeKib, long free) {
    }
}
