package org.warroom.dashboard.export;

import java.io.IOException;

/** An export ended before its last row: the client went away or stopped reading, or the row limit was reached. */
final class ExportCutOff extends IOException {
    private static final long serialVersionUID = 1L;

    ExportCutOff(String reason) {
        super(reason);
    }
}
