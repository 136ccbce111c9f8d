package org.lvsh.model;

import java.util.List;

/** freecell: the cells asked for (none: the host total only) and their total. */
public record FreeCells(List<Cell> cells, long totalKib) {
    public record Cell(int cell, long freeKib) {
    }
}
