package org.warroom.contracts.complaint;

import org.warroom.contracts.complaint.ComplaintRefused.Reason;

/** The citizen's rating of a resolved complaint: a whole number of stars, 1 to 5. */
final class ComplaintRatings {
    private ComplaintRatings() {
    }

    static int stars(String value, Complaint current) {
        if (value.matches("[1-5]")) {
            return Integer.parseInt(value);
        }
        throw new ComplaintRefused(Reason.INVALID, "rating", "rating must be a whole number from 1 to 5, not '"
                + (value.length() > 10 ? value.substring(0, 10) + "…" : value) + "'", current);
    }
}
